from enum import StrEnum


class GoalCountStatus(StrEnum):
    ACHIEVED = "achieved"
    DROPPED = "dropped"
    IN_PROGRESS = "in_progress"
    NOT_ACHIEVED = "not_achieved"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
