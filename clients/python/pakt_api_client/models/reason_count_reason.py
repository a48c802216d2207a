from enum import StrEnum


class ReasonCountReason(StrEnum):
    INDEPENDENT = "independent"
    LEFT_PROGRAMME = "left_programme"
    MOVED = "moved"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
