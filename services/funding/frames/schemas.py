"""Request and response bodies of planning frames and consortia."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.common.schema_examples import with_examples
from services.funding.money import Money

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
    status: str = Field(examples=["final"], description="`preliminary` or `final`")
    reference_date: date = Field(description="Date of the refugee count the frame is based on")
    updated_at: datetime


class FrameRowError(BaseModel):
    row: int = Field(description="Line number in the CSV, the header being line 1")
    field: str | None = None
    message: str


class FrameImportResult(BaseModel):
    """What an import changed."""

    created: int
    updated: int
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


class ConsortiumMemberRead(BaseModel):
    ags: str
    org_id: str
    name: str | None
    frame_amount: Money | None
    frame_status: str | None


class ConsortiumRead(BaseModel):
    """A consortium with its members; its planning frame is the sum of theirs."""

    id: uuid.UUID
    programme_id: uuid.UUID
    name: str
    lead_org_id: str
    lead_ags: str
    members: list[ConsortiumMemberRead]
    frame_amount: Money
    created_at: datetime
