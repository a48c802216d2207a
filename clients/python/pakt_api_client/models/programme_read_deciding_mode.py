from enum import StrEnum


class ProgrammeReadDecidingMode(StrEnum):
    REGIONAL = "regional"
    STATEWIDE = "statewide"

    def __str__(self) -> str:
        return str(self.value)
