from enum import StrEnum


class ItemResultDecision(StrEnum):
    APPROVE = "approve"
    PARTIALLY_APPROVE = "partially_approve"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
