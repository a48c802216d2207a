from enum import StrEnum


class ListReferralsStatusType0(StrEnum):
    ACCEPTED = "accepted"
    COMPLETED = "completed"
    DECLINED = "declined"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
