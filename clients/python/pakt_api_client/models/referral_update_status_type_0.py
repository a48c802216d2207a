from enum import StrEnum


class ReferralUpdateStatusType0(StrEnum):
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    DECLINED = "declined"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
