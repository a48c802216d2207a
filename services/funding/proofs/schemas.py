"""Request and response bodies of proofs of use."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from services.common.schema_examples import with_examples
from services.funding.money import Money


class MonthsWorked(BaseModel):
    position_id: uuid.UUID
    months_worked: int = Field(
        ge=0, le=60, description="Months the manager actually worked in the period"
    )


class ProofCreate(BaseModel):
    """The numeric proof per position plus the narrative report (Sachbericht, about three pages)."""

    model_config = with_examples(
        {
            "positions": [
                {"position_id": "5d7c9b0e-1f2a-4c3d-9e8f-0a1b2c3d4e5f", "months_worked": 24}
            ],
            "report": "Im Förderzeitraum wurden 212 Personen beraten …",
        }
    )

    positions: list[MonthsWorked] = Field(min_length=1, max_length=100)
    report: str = Field(
        min_length=1,
        max_length=30_000,
        examples=["Sachbericht 2017/2018: 142 Fälle beraten, 96 Integrationspläne geschrieben."],
    )


class ProofRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    application_id: uuid.UUID
    months_worked: dict[str, Any] = Field(description="Months worked per position id")
    key_figures: dict[str, Any] = Field(
        description="Exact key figures of the applicant for the period, from the cases service "
        "(`exact: true`), with `members`: the figures of each consortium member or delegating "
        "municipality, and `delivered_by`: the figures of each commissioned charity for the "
        "cases it delivered for the applicant or for one of the members"
    )
    report: str
    filed_by: str
    filed_at: datetime


class OverdueProof(BaseModel):
    """An approved application whose proof of use is past due."""

    application_id: uuid.UUID
    applicant_name: str
    applicant_ags: str
    granted_amount: Money
    notice_number: str
    due_on: date
