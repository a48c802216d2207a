from enum import StrEnum


class LineErrorCode(StrEnum):
    CONFLICT = "conflict"
    DUPLICATE = "duplicate"
    INVALID = "invalid"
    MALFORMED = "malformed"
    NOT_FOUND = "not-found"

    def __str__(self) -> str:
        return str(self.value)
