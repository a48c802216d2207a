"""Request and response bodies of programmes."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from services.common.schema_examples import with_examples
from services.funding.money import Day, Money
from services.funding.vocab import DecidingMode

Qualification = str
QUALIFICATION_PATTERN = r"^[a-z][a-z_]{0,39}$"


class RateIn(BaseModel):
    qualification: str = Field(pattern=QUALIFICATION_PATTERN, examples=["mid_level"])
    amount: Money = Field(description="EUR per full-time position for the whole funding period")
    label: str = Field(min_length=1, max_length=200, examples=["Mittlerer Bildungsabschluss"])
    is_example: bool = Field(
        False, description="True when the figure only illustrates the mechanism"
    )


class RateRead(RateIn):
    model_config = ConfigDict(from_attributes=True)


class ProgrammeCreate(BaseModel):
    """A programme as the ministry sets it up."""

    model_config = with_examples(
        {
            "name": "Integrationsmanagement 2017/2018",
            "period_start": "2017-07-01",
            "period_months": 24,
            "total_budget": "116000000.00",
            "min_fte": "0.25",
            "min_frame": "51000.00",
            "deciding_mode": "statewide",
            "deciding_region": "081",
            "rates": [
                {
                    "qualification": "mid_level",
                    "amount": "51000.00",
                    "label": "Mittlerer Bildungsabschluss",
                }
            ],
        }
    )

    name: str = Field(min_length=1, max_length=200)
    period_start: Day = Field(description="First day of the funding period (a first of the month)")
    period_months: int = Field(ge=1, le=60, description="Length of the funding period in months")
    total_budget: Money
    min_fte: Decimal = Field(Decimal("0.25"), ge=Decimal("0.25"), le=Decimal("1"), decimal_places=2)
    min_frame: Money = Field(description="Minimum planning frame for applying alone")
    deciding_mode: DecidingMode = Field(
        description="`statewide`: one council (deciding_region) decides everything; "
        "`regional`: the applicant's own"
    )
    deciding_region: str | None = Field(
        None, pattern=r"^08[1-4]$", description="AGS of the statewide council"
    )
    proof_due_months: int = Field(3, ge=0, le=24)
    rates: list[RateIn] = Field(min_length=1, max_length=10)


class ProgrammeRead(BaseModel):
    """A programme with its rates and how much of the budget is booked."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    period_start: date
    period_end: date = Field(description="Last day of the funding period")
    period_months: int
    total_budget: Money
    booked_amount: Money = Field(description="Sum granted by decisions so far")
    available_amount: Money
    min_fte: Decimal
    min_frame: Money
    deciding_mode: DecidingMode
    deciding_region: str | None
    proof_due_months: int
    rates: list[RateRead]
