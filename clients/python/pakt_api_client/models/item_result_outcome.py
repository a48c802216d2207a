from enum import StrEnum


class ItemResultOutcome(StrEnum):
    DECIDED = "decided"
    FAILED = "failed"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
