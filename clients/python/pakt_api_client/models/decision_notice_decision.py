from enum import StrEnum


class DecisionNoticeDecision(StrEnum):
    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
