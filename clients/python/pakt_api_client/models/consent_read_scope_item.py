from enum import StrEnum


class ConsentReadScopeItem(StrEnum):
    PERSONAL_DATA = "personal_data"
    PLAN = "plan"
    REFERRALS = "referrals"
    VOLUNTEERS = "volunteers"

    def __str__(self) -> str:
        return str(self.value)
