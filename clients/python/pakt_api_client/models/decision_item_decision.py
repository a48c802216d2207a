from enum import StrEnum


class DecisionItemDecision(StrEnum):
    APPROVE = "approve"
    PARTIALLY_APPROVE = "partially_approve"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
