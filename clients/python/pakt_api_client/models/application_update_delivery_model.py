from enum import StrEnum


class ApplicationUpdateDeliveryModel(StrEnum):
    DELEGATED_TO_DISTRICT = "delegated_to_district"
    OWN_STAFF = "own_staff"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
