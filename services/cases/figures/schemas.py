"""Key figures (Kennzahlen, No. 6.2 VwV): aggregates only, small counts suppressed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.cases.vocab import Agency, ClosingReason, Field_, GoalStatus

Count = Annotated[
    int | Literal["<5", "withheld"],
    Field(
        description='A count; 1 to 4 are shown as the string "<5" so no person can be singled '
        'out; a total reads "withheld" where it would reveal a suppressed cell (secondary '
        "suppression)"
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
        'consultations; "withheld" with the consultations (secondary suppression)',
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
    Published figures: counts from 1 to 4 read "<5" (primary suppression); a total whose cells
    include a "<5" reads "withheld" (secondary suppression), so no suppressed cell can be
    computed as the total minus the other cells. Callers holding the scope `figures:exact` (the
    funding service's client, for proofs of use) get exact counts (`exact: true`).
    """

    org: str = Field(
        description="Organization id the figures belong to",
        examples=["5b0c2e8a-3f4d-5e61-9a7b-1c2d3e4f5a6b"],
    )
    period_start: dt.date
    period_end: dt.date
    case_worker: str | None = Field(
        description="Set when the figures were limited to one case worker"
    )
    commissioned_by: str | None = Field(
        None,
        description="Set when the figures were limited to the cases delivered for this "
        "commissioning organization",
    )
    grant_id: uuid.UUID | None = Field(
        None, description="Set when the figures were limited to the cases delivered under a grant"
    )
    exact: bool = Field(
        False, description="True: exact counts, nothing suppressed (scope `figures:exact` only)"
    )
    suppression_threshold: int = Field(5, description='Counts below this are shown as "<5"')
    generated_at: dt.datetime
    totals: Figures
    by_case_worker: list[CaseWorkerFigures]


@dataclass(frozen=True)
class Scope:
    """Which cases count: the organization's, optionally one worker's, one commissioning
    organization's or one grant's."""

    org_id: str
    start: dt.date
    end: dt.date
    worker: str | None = None
    commissioned_by: str | None = None
    grant_id: uuid.UUID | None = None


class AreaFigures(BaseModel):
    """Figures that add up across organizations and months (from `figure_month`)."""

    new_cases: Count = Field(description="Cases opened in the period")
    plans_created: Count = Field(description="First plan versions written in the period")
    plans_revised: Count = Field(description="Plan versions 2 and later written in the period")
    consultations: Count = Field(description="Consultations held in the period")
    consultation_hours: str = Field(
        description='Hours of those consultations, two decimals; "<5" when fewer than 5 '
        "consultations",
        examples=["61.25"],
    )
    referrals: list[AgencyCount] = Field(description="Referrals made in the period by agency")
    cases_closed: list[ReasonCount] = Field(
        description="Cases closed in the period by closing reason"
    )


class AreaKeyFigures(BaseModel):
    """Key figures of every organization in an area (a district, a region, the state) for whole
    months. Persons counselled and goals are per organization only: a person counselled in two
    months, or a case's latest plan, does not add up across months."""

    area: str = Field(
        description="AGS key of the area: 08 (state), 081 (region), 08117 ...", examples=["08117"]
    )
    period_start: dt.date
    period_end: dt.date
    organizations: int = Field(description="Organizations of the area with figures in the period")
    suppression_threshold: int = Field(5, description='Counts below this are shown as "<5"')
    generated_at: dt.datetime
    totals: AreaFigures
