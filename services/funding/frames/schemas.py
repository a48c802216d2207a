"""Request and response bodies of planning frames and consortia."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.common.imports.outcome import REPORT_EXAMPLE, ImportReport
from services.common.schema_examples import with_examples
from services.funding.money import Money
from services.funding.vocab import FrameStatus

AGS_MUNICIPALITY = r"^08[0-9]{6}$"


class FrameRead(BaseModel):
    """A planning frame: the most the municipality may claim in the programme."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    programme_id: uuid.UUID
    ags: str = Field(examples=["08117019"])
    org_id: str
    name: str = Field(examples=["Göppingen"])
    amount: Money
    status: FrameStatus = Field(examples=["final"])
    reference_date: date = Field(description="Date of the refugee count the frame is based on")
    updated_at: datetime


class FrameImportReport(ImportReport):
    """What an import changed, and the frames and applications it touched."""

    model_config = with_examples(
        {
            **REPORT_EXAMPLE,
            "finalized": 1,
            "flagged_applications": ["5b0f3c1e-8d2a-4b7e-9f61-2c4d8e9a1b07"],
        }
    )

    finalized: int = Field(description="Frames that went from preliminary to final")
    flagged_applications: list[uuid.UUID] = Field(
        description="Applications based on a replaced preliminary frame, now flagged for review"
    )


class ConsortiumCreate(BaseModel):
    """A consortium (Verbund) whose lead is the caller's municipality."""

    model_config = with_examples(
        {
            "programme_id": "0d3c8f9e-3b0a-5c55-9a51-1f5b2f0d6c11",
            "name": "Verbund Voralb",
            "member_ags": ["08117007", "08117049"],
        }
    )

    programme_id: uuid.UUID
    name: str = Field(min_length=1, max_length=200)
    member_ags: list[Annotated[str, StringConstraints(pattern=AGS_MUNICIPALITY)]] = Field(
        min_length=1,
        max_length=100,
        description="AGS of the other member municipalities (the lead is added automatically); "
        "may span districts",
    )


MemberState = Literal["invited", "accepted", "declined", "left", "dissolved"]


class ConsortiumMemberRead(BaseModel):
    ags: str
    org_id: str
    name: str | None
    state: MemberState = Field(
        description="`invited` until the municipality's applicant or org_admin accepts or "
        "declines; `left` after leaving, `dissolved` with the consortium"
    )
    responded_at: datetime | None = None
    frame_amount: Money | None
    frame_status: FrameStatus | None


class ConsortiumRead(BaseModel):
    """A consortium with its members; it counts (for frames and applying) only when `active`."""

    id: uuid.UUID
    programme_id: uuid.UUID
    name: str
    lead_org_id: str
    lead_ags: str = Field(examples=["08117019"])
    state: Literal["forming", "active", "dissolved"] = Field(
        description="`forming` until every remaining member has accepted, then `active`"
    )
    version: int = Field(description="Send as If-Match (its ETag) to accept, leave or dissolve")
    members: list[ConsortiumMemberRead]
    frame_amount: Money = Field(description="Sum of the frames of the members that accepted")
    created_at: datetime


class FrameHoldRead(BaseModel):
    application_id: uuid.UUID
    amount: Money


class FrameUsageRead(BaseModel):
    """A municipality's frame in a programme, what submitted, forwarded and approved
    applications hold of it (alone, in a consortium or delegated to the district), and what
    remains."""

    programme_id: uuid.UUID
    ags: str = Field(examples=["08117019"])
    name: str
    frame_amount: Money
    frame_status: FrameStatus
    held_amount: Money
    remaining_amount: Money
    holds: list[FrameHoldRead]
