from enum import StrEnum


class FrameReadStatus(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
