from enum import StrEnum


class ConsortiumMemberReadState(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DISSOLVED = "dissolved"
    INVITED = "invited"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
