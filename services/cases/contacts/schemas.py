"""Consultations (Beratungsgespräche) and referrals (Weitervermittlungen)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, Field

from services.cases.vocab import Agency, ConsultationMode, Day, Field_, LongText, ReferralStatus
from services.common.schema_examples import with_examples

Minutes = Annotated[int, Field(ge=1, le=720, description="Duration in minutes (1-720)")]
FieldList = Annotated[list[Field_], Field(min_length=1, max_length=8)]


class ConsultationCreate(BaseModel):
    model_config = with_examples(
        {
            "held_on": "2026-03-09",
            "duration_minutes": 45,
            "mode": "office",
            "fields": ["language", "work"],
            "notes": "Discussed course options at VHS; client prefers evening classes.",
        },
        forbid_extra=True,
    )

    held_on: Day
    duration_minutes: Minutes
    mode: ConsultationMode
    fields: FieldList = Field(description="Fields of action discussed")
    notes: LongText | None = Field(None, description="Free text; erased with personal data")


class ConsultationUpdate(BaseModel):
    model_config = with_examples({"duration_minutes": 60}, forbid_extra=True)

    held_on: Day | None = None
    duration_minutes: Minutes | None = None
    mode: ConsultationMode | None = None
    fields: FieldList | None = None
    notes: LongText | None = None


class ConsultationRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    held_on: dt.date
    duration_minutes: int
    mode: ConsultationMode
    fields: list[Field_]
    notes: str | None
    recorded_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class ReferralCreate(BaseModel):
    model_config = with_examples(
        {
            "agency": "recognition_counselling",
            "field": "recognition",
            "referred_on": "2026-03-09",
        },
        forbid_extra=True,
    )

    agency: Agency
    field: Field_
    referred_on: Day
    notes: LongText | None = Field(None, description="Free text; erased with personal data")


class ReferralUpdate(BaseModel):
    """Moves the referral on.

    sent → accepted | declined | completed; accepted → completed | declined.
    """

    model_config = with_examples({"status": "accepted"}, forbid_extra=True)

    status: ReferralStatus | None = None
    notes: LongText | None = None


class ReferralRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    agency: Agency
    field: Field_
    referred_on: dt.date
    status: ReferralStatus
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
