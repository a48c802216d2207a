from enum import StrEnum


class ListApplicationsStateType0Item(StrEnum):
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
