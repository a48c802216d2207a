from enum import StrEnum


class OrganizationReadKind(StrEnum):
    CONSORTIUM = "consortium"
    MINISTRY = "ministry"
    MUNICIPALITY = "municipality"
    PLATFORM = "platform"
    PROVIDER = "provider"
    REGION = "region"
    RURAL_DISTRICT = "rural_district"
    STATE = "state"
    URBAN_DISTRICT = "urban_district"

    def __str__(self) -> str:
        return str(self.value)
