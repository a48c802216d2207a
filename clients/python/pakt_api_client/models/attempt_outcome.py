from enum import StrEnum


class AttemptOutcome(StrEnum):
    DELIVERED = "delivered"
    DISABLED = "disabled"
    GIVEN_UP = "given_up"
    RETRYING = "retrying"

    def __str__(self) -> str:
        return str(self.value)
