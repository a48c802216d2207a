from enum import StrEnum


class WorklistItemReviewState(StrEnum):
    DUE_SOON = "due_soon"
    NONE = "none"
    OVERDUE = "overdue"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
