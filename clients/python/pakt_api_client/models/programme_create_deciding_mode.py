from enum import StrEnum


class ProgrammeCreateDecidingMode(StrEnum):
    REGIONAL = "regional"
    STATEWIDE = "statewide"

    def __str__(self) -> str:
        return str(self.value)
