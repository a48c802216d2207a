from enum import StrEnum


class TransitionReadToState(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    FORWARDED = "forwarded"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
