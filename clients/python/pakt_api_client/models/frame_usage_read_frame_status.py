from enum import StrEnum


class FrameUsageReadFrameStatus(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
