from enum import StrEnum


class RevocationKind(StrEnum):
    CLIENT = "client"
    SESSION = "session"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
