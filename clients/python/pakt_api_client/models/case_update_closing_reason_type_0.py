from enum import StrEnum


class CaseUpdateClosingReasonType0(StrEnum):
    INDEPENDENT = "independent"
    LEFT_PROGRAMME = "left_programme"
    MOVED = "moved"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
