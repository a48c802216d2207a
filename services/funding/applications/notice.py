"""The decision notice (Zuwendungsbescheid) of a decided application, as a JSON document."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problem_types import texts
from services.funding.applications import repository
from services.funding.applications.models import Application
from services.funding.applications.service import get_visible, positions_for
from services.funding.applications.workflow import DECIDED
from services.funding.errors import NoticeNotAvailable
from services.funding.money import Fte, Money
from services.funding.programmes import service as programme_service
from services.funding.programmes.service import period_end
from services.funding.vocab import ApplicantKind, Decided

COUNCILS = {
    "081": "Regierungspräsidium Stuttgart",
    "082": "Regierungspräsidium Karlsruhe",
    "083": "Regierungspräsidium Freiburg",
    "084": "Regierungspräsidium Tübingen",
}
LEGAL_BASIS = (
    "Verwaltungsvorschrift Integrationsmanagement (Pakt für Integration) in Verbindung mit "
    "§§ 23 und 44 der Landeshaushaltsordnung für Baden-Württemberg"
)


class NoticePosition(BaseModel):
    manager_name: str
    qualification: str
    fte: Fte
    start_on: date
    months: int
    amount: Money


class DecisionNotice(BaseModel):
    """The grant decision notice: who gets how much, for what, under which conditions."""

    notice_number: str = Field(examples=["ZB-081-0000042"])
    issued_on: date
    authority: str = Field(examples=["Regierungspräsidium Stuttgart"])
    decision: Decided = Field(examples=["approved"])
    applicant_name: str
    applicant_ags: str
    applicant_kind: ApplicantKind
    programme_name: str = Field(examples=["Pakt für Integration: Integrationsmanagement 2017/2018"])
    period_start: date
    period_end: date
    requested_amount: Money
    granted_amount: Money
    financing: str = Field(
        description="Type of funding",
        examples=["Festbetragsfinanzierung je Stelle (fixed amount per position), personnel costs"],
    )
    positions: list[NoticePosition] = Field(
        description="The managers' positions; only for the applicant's side, the district "
        "reviewer and the approver on the route (empty for others)"
    )
    early_start: bool
    early_start_on: date | None
    proof_of_use_due_on: date = Field(
        description="Date by which the proof of use (Verwendungsnachweis) is due"
    )
    reasons: str | None = Field(description="The council's comment on the decision")
    legal_basis: str = Field(examples=[LEGAL_BASIS])


def add_months(day: date, months: int) -> date:
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError("unreachable")


_FROM_APPLICATION = {
    "notice_number",
    "applicant_name",
    "applicant_ags",
    "applicant_kind",
    "requested_amount",
    "early_start",
    "early_start_on",
}


async def build_notice(
    session: AsyncSession, app: Application, who: Principal | None = None
) -> DecisionNotice:
    """The notice of a decided application (409 `decision-notice-not-available` before); read
    by `who`, managers' names only for those who may see them."""
    if app.state not in DECIDED or app.notice_number is None or app.decided_at is None:
        raise NoticeNotAvailable(
            texts(
                "The application has no decision yet",
                "Über den Antrag ist noch nicht entschieden",
            ),
            state=app.state,
        )
    programme = await programme_service.get(session, app.programme_id)
    end = period_end(programme)
    history = await repository.transitions(session, app.id)
    decision = next((t for t in reversed(history) if t.notice_number == app.notice_number), None)
    positions: list[Any] = list(await repository.positions(session, app.id))
    if who is not None:
        positions = positions_for(app, who, positions)
    return DecisionNotice(
        **app.model_dump(include=_FROM_APPLICATION),
        issued_on=app.decided_at.date(),
        authority=COUNCILS.get(app.council_ags, f"Regierungspräsidium {app.council_ags}"),
        decision=app.state,
        programme_name=programme.name,
        period_start=programme.period_start,
        period_end=end,
        granted_amount=app.granted_amount or Decimal("0.00"),
        financing="Festbetragsfinanzierung je Stelle (fixed amount per position), personnel costs",
        positions=[NoticePosition.model_validate(p, from_attributes=True) for p in positions],
        proof_of_use_due_on=add_months(end, programme.proof_due_months),
        reasons=decision.comment if decision else None,
        legal_basis=LEGAL_BASIS,
    )


async def notice_for(
    session: AsyncSession, who: Principal, application_id: uuid.UUID
) -> DecisionNotice:
    """The notice of an application on the caller's route (404 off the route, 409 undecided)."""
    return await build_notice(session, await get_visible(session, who, application_id), who)
