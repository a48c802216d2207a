from enum import StrEnum


class TransitionCreateAction(StrEnum):
    APPROVE = "approve"
    FORWARD = "forward"
    PARTIALLY_APPROVE = "partially_approve"
    REJECT = "reject"
    RETURN = "return"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
