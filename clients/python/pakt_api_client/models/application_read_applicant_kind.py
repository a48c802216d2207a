from enum import StrEnum


class ApplicationReadApplicantKind(StrEnum):
    CONSORTIUM = "consortium"
    DISTRICT = "district"
    MUNICIPALITY = "municipality"

    def __str__(self) -> str:
        return str(self.value)
