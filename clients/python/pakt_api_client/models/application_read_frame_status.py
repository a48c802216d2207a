from enum import StrEnum


class ApplicationReadFrameStatus(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
