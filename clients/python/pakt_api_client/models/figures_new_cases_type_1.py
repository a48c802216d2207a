from enum import StrEnum


class FiguresNewCasesType1(StrEnum):
    VALUE_0 = "<5"
    WITHHELD = "withheld"

    def __str__(self) -> str:
        return str(self.value)
