from enum import StrEnum


class ConsentReadMeans(StrEnum):
    ELECTRONIC = "electronic"
    ORAL_DOCUMENTED = "oral_documented"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
