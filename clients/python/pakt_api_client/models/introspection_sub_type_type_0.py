from enum import StrEnum


class IntrospectionSubTypeType0(StrEnum):
    CLIENT = "client"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
