from enum import StrEnum


class ImportReportMode(StrEnum):
    ALL_OR_NOTHING = "all-or-nothing"
    VALID_ROWS = "valid-rows"

    def __str__(self) -> str:
        return str(self.value)
