"""Integration plans: versions (Fortschreibungen) and their goals."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.cases.vocab import Day, Field_, GoalStatus
from services.common.schema_examples import with_examples

Text2k = Annotated[str, StringConstraints(max_length=2000)]


class Goal(BaseModel):
    """One goal of the plan: a field of action, what is agreed, by when, and how far it got."""

    model_config = ConfigDict(extra="forbid")

    field: Field_
    description: Text2k | None = Field(
        None, examples=["Reach B1 German to start vocational training"]
    )
    agreed_steps: Text2k | None = Field(
        None, examples=["Enrol in integration course at VHS Göppingen; weekly practice"]
    )
    target_on: Day | None = None
    status: GoalStatus = "open"
    responsible: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        None, examples=["client with case worker"]
    )


class PlanVersionCreate(BaseModel):
    """A new plan version: the first starts the counselling, later ones are reviews."""

    model_config = with_examples(
        {
            "change_note": "Language course started; added recognition of the degree",
            "next_review_on": "2026-06-01",
            "goals": [
                {"field": "language", "description": "B1 German", "status": "in_progress"},
                {
                    "field": "recognition",
                    "description": "Recognition of pharmacy degree",
                    "status": "open",
                },
            ],
        },
        forbid_extra=True,
    )

    change_note: Text2k | None = Field(
        None, description="What changed and why (free text; erased with personal data)"
    )
    next_review_on: Day | None = Field(None, description="When the plan is to be reviewed next")
    goals: Annotated[list[Goal], Field(max_length=30)] = []


class PlanVersionRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    number: int = Field(description="1 for the first plan, +1 per review; the plan's ETag")
    change_note: str | None
    next_review_on: dt.date | None
    created_by: str
    created_at: dt.datetime
    goals: list[Goal]
