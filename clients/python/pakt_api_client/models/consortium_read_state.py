from enum import StrEnum


class ConsortiumReadState(StrEnum):
    ACTIVE = "active"
    DISSOLVED = "dissolved"
    FORMING = "forming"

    def __str__(self) -> str:
        return str(self.value)
