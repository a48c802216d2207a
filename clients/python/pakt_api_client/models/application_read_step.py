from enum import StrEnum


class ApplicationReadStep(StrEnum):
    APPLICANT = "applicant"
    CLOSED = "closed"
    COUNCIL = "council"
    DISTRICT = "district"

    def __str__(self) -> str:
        return str(self.value)
