from enum import StrEnum


class GoalCountField(StrEnum):
    EDUCATION = "education"
    EVERYDAY_LIFE = "everyday_life"
    HEALTH = "health"
    HOUSING = "housing"
    LANGUAGE = "language"
    RECOGNITION = "recognition"
    RESIDENCE = "residence"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
