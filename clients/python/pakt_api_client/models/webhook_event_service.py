from enum import StrEnum


class WebhookEventService(StrEnum):
    AUTH = "auth"
    CASES = "cases"
    FUNDING = "funding"

    def __str__(self) -> str:
        return str(self.value)
