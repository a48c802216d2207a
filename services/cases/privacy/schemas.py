"""Data-protection bodies: the access log, the Art. 15 export, the Art. 17 erasure."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from services.cases.casefile.schemas import CaseRead
from services.cases.contacts.schemas import ConsultationRead, ReferralRead
from services.cases.plans.schemas import PlanVersionRead
from services.cases.volunteers.schemas import AssignmentRead


class AccessEntry(BaseModel):
    """One read of a case's personal data."""

    id: int
    at: dt.datetime
    actor: str = Field(description="Subject of the token that read")
    actor_name: str | None = Field(
        None, description="The reader's display name, as their token carried it"
    )
    actor_org: str = Field(description="The reader's organization id")
    actor_org_kind: str | None = Field(
        None, description="Kind of the reader's organization", examples=["municipality"]
    )
    actor_roles: list[str] | None = Field(
        None, description="The reader's roles when reading", examples=[["case_worker"]]
    )
    action: str = Field(
        description="What was read", examples=["case", "plan", "consultations", "export"]
    )
    request_id: str | None


class CaseExport(BaseModel):
    """Everything stored about the person of one case (GDPR Art. 15), as one document."""

    exported_at: dt.datetime
    case: CaseRead
    plan_versions: list[PlanVersionRead]
    consultations: list[ConsultationRead]
    referrals: list[ReferralRead]
    volunteer_assignments: list[AssignmentRead]
    access_log: list[AccessEntry] = Field(
        description="Who read the data, newest first (the recipients)"
    )


class ErasureRead(BaseModel):
    """The result of an erasure (GDPR Art. 17)."""

    case_id: uuid.UUID
    erased_at: dt.datetime
    removed: list[str] = Field(
        description="What was removed",
        examples=[["person_data", "free_text", "pseudonym", "external_id"]],
    )
    kept: list[str] = Field(
        description="What stays, anonymous",
        examples=[
            [
                "case dates and status",
                "goal fields and statuses",
                "consultation dates and durations",
            ]
        ],
    )
