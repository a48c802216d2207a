from enum import StrEnum


class ConsortiumMemberReadFrameStatusType0(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
