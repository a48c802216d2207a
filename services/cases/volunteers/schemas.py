"""Volunteers (Ehrenamtliche) of an organization and their assignments to cases."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from services.cases.vocab import Day, Field_, LongText, ShortText
from services.common.schema_examples import with_examples

Lang = Annotated[str, StringConstraints(min_length=1, max_length=50)]


class VolunteerCreate(BaseModel):
    model_config = with_examples(
        {
            "display_name": "Helga M.",
            "contact": "via Freundeskreis Asyl",
            "languages": ["de", "en"],
            "fields": ["language", "everyday_life"],
        },
        forbid_extra=True,
    )

    display_name: ShortText = Field(examples=["Renate K."])
    contact: Annotated[str, StringConstraints(max_length=500)] | None = None
    languages: Annotated[list[Lang], Field(max_length=20)] = []
    fields: Annotated[list[Field_], Field(max_length=8)] = []


class VolunteerUpdate(BaseModel):
    model_config = with_examples({"active": False}, forbid_extra=True)

    display_name: ShortText | None = None
    contact: Annotated[str, StringConstraints(max_length=500)] | None = None
    languages: Annotated[list[Lang], Field(max_length=20)] | None = None
    fields: Annotated[list[Field_], Field(max_length=8)] | None = None
    active: bool | None = None


class VolunteerRead(BaseModel):
    id: uuid.UUID
    org_id: str
    display_name: str
    contact: str | None
    languages: list[str]
    fields: list[Field_]
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class AssignmentCreate(BaseModel):
    model_config = with_examples(
        {
            "volunteer_id": "3f0c9a4e-8d1b-4c55-9b43-2d6c1e0f7a21",
            "field": "language",
            "started_on": "2026-03-16",
        },
        forbid_extra=True,
    )

    volunteer_id: uuid.UUID
    field: Field_
    started_on: Day
    notes: LongText | None = None


class AssignmentUpdate(BaseModel):
    """End an assignment by setting `ended_on`."""

    model_config = with_examples({"ended_on": "2026-09-30"}, forbid_extra=True)

    ended_on: Day | None = None
    notes: LongText | None = None


class AssignmentRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    volunteer_id: uuid.UUID
    field: Field_
    started_on: dt.date
    ended_on: dt.date | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
