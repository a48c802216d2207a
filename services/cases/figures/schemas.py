"""Key figures (Kennzahlen, No. 6.2 VwV): aggregates only, small counts suppressed."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.cases.vocab import Agency, ClosingReason, Field_, GoalStatus

Count = Annotated[
    int | Literal["<5"],
    Field(
        description='A count; 1 to 4 are shown as the string "<5" so no person can be singled out'
    ),
]


class GoalCount(BaseModel):
    field: Field_
    status: GoalStatus
    count: Count


class AgencyCount(BaseModel):
    agency: Agency
    count: Count


class ReasonCount(BaseModel):
    reason: ClosingReason
    count: Count


class Figures(BaseModel):
    """The figures of one case worker, or of the whole organization, for the period."""

    persons_counselled: Count = Field(
        description="Cases with at least one consultation in the period"
    )
    new_cases: Count = Field(description="Cases opened in the period")
    plans_created: Count = Field(description="First plan versions written in the period")
    plans_revised: Count = Field(
        description="Plan reviews (versions 2 and later) written in the period"
    )
    consultations: Count = Field(description="Consultations held in the period")
    consultation_hours: str = Field(
        description='Hours of those consultations, two decimals; "<5" when fewer than 5 '
        "consultations",
        examples=["61.25"],
    )
    goals: list[GoalCount] = Field(
        description="Goals of each case's latest plan version (as of the period end) by field "
        "and status, for cases open during the period; zero counts omitted"
    )
    referrals: list[AgencyCount] = Field(description="Referrals made in the period by agency")
    cases_closed: list[ReasonCount] = Field(
        description="Cases closed in the period by closing reason"
    )


class CaseWorkerFigures(BaseModel):
    case_worker: str = Field(description="Subject of the case worker the cases are assigned to")
    figures: Figures


class KeyFigures(BaseModel):
    """Key figures of one organization for a period, in total and per case worker.

    Used by municipalities for their yearly report and by the funding service for proofs of use.
    Counts from 1 to 4 are replaced by "<5" everywhere; totals are computed from exact numbers
    before suppression, so they may show a number where every per-worker value says "<5".
    """

    org: str = Field(description="Organization id the figures belong to")
    period_start: dt.date
    period_end: dt.date
    case_worker: str | None = Field(
        description="Set when the figures were limited to one case worker"
    )
    suppression_threshold: int = Field(5, description='Counts below this are shown as "<5"')
    generated_at: dt.datetime
    totals: Figures
    by_case_worker: list[CaseWorkerFigures]
