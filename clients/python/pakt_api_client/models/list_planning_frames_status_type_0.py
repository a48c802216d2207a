from enum import StrEnum


class ListPlanningFramesStatusType0(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
