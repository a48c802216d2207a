from enum import StrEnum


class ConsentMeans(StrEnum):
    ELECTRONIC = "electronic"
    ORAL_DOCUMENTED = "oral_documented"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
