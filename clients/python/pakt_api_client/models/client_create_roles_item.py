from enum import StrEnum


class ClientCreateRolesItem(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    APPLICANT = "applicant"
    APPROVER = "approver"
    CASE_WORKER = "case_worker"
    DISTRICT_REVIEWER = "district_reviewer"
    ORG_ADMIN = "org_admin"
    PRIVACY_OFFICER = "privacy_officer"

    def __str__(self) -> str:
        return str(self.value)
