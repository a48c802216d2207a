"""Proof-of-use use cases: file one after the period, read it, list overdue ones for the council."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.constraints import constraint_problems
from services.common.outbox import emit
from services.common.pagination import Page, cursor_after, make_page
from services.common.problem_types import texts
from services.funding.applications import repository as applications
from services.funding.applications.models import Application
from services.funding.applications.notice import add_months
from services.funding.applications.service import get_visible, route_view
from services.funding.applications.workflow import route_orgs
from services.funding.clients.cases import CasesClient
from services.funding.errors import (
    InvalidApplication,
    NotYourStep,
    ProofExists,
    ProofNotDue,
    ProofNotFound,
)
from services.funding.programmes import repository as programmes
from services.funding.programmes.models import Programme
from services.funding.programmes.service import period_end
from services.funding.proofs import repository
from services.funding.proofs.models import ProofOfUse
from services.funding.proofs.schemas import OverdueProof, ProofCreate, ProofRead

OVERDUE_SCAN = 500  # applications read per round while looking for overdue proofs


def due_on(programme: Programme) -> date:
    return add_months(period_end(programme), programme.proof_due_months)


async def _period_over(session: AsyncSession, who: Principal, app: Application) -> Programme:
    """The programme, once the caller may file for `app` and its funding period is over."""
    if who.org != app.applicant_org_id or not who.has_role("applicant"):
        raise NotYourStep(
            texts(
                "Only the applicant files the proof of use",
                "Nur der Antragsteller reicht den Verwendungsnachweis ein",
            )
        )
    if app.state not in ("approved", "partially_approved"):
        raise ProofNotDue(
            texts(
                "Only approved applications need a proof of use",
                "Nur bewilligte Anträge brauchen einen Verwendungsnachweis",
            ),
            state=app.state,
        )
    programme = await programmes.get(session, app.programme_id)
    assert programme is not None  # noqa: S101 - foreign key
    end = period_end(programme)
    if datetime.now(UTC).date() <= end:
        raise ProofNotDue(
            texts(
                f"The funding period runs until {end.isoformat()}; file the proof afterwards",
                f"Der Förderzeitraum läuft bis {end.isoformat()}; reichen Sie den Nachweis danach "
                "ein",
            )
        )
    if await repository.get_for(session, app.id) is not None:
        raise ProofExists(
            texts(
                "This application already has a proof of use",
                "Für diesen Antrag gibt es schon einen Verwendungsnachweis",
            )
        )
    return programme


async def _months_worked(
    session: AsyncSession, app: Application, body: ProofCreate
) -> dict[str, Any]:
    """Months worked per position id; each position is the application's, within its months."""
    positions = {p.id: p for p in await applications.positions(session, app.id)}
    worked: dict[str, Any] = {}
    for item in body.positions:
        position = positions.get(item.position_id)
        if position is None:
            raise InvalidApplication(
                texts(
                    "A position_id does not belong to this application",
                    "Eine position_id gehört nicht zu diesem Antrag",
                )
            )
        if item.months_worked > position.months:
            raise InvalidApplication(
                texts(
                    f"Position {position.id} was approved for {position.months} months only",
                    f"Stelle {position.id} wurde nur für {position.months} Monate bewilligt",
                )
            )
        worked[str(item.position_id)] = item.months_worked
    return worked


async def delivered_figures(
    cases: CasesClient, app: Application, start: date, end: date
) -> dict[str, Any]:
    """Exact key figures of everyone who did the work the grant pays for, for the period: the
    applicant's own, under `members` each consortium member's (or delegating municipality's),
    and under `delivered_by` each commissioned charity's cases delivered for the applicant or
    for one of the members. The council decides money on these, so none may be missing."""
    figures = await cases.key_figures(app.applicant_org_id, start, end)
    figures["members"] = [
        await cases.key_figures(member, start, end) for member in app.member_org_ids
    ]
    figures["delivered_by"] = [
        await cases.key_figures(provider, start, end, commissioned_by=commissioner)
        for commissioner in (app.applicant_org_id, *app.member_org_ids)
        for provider in app.providers
    ]
    return figures


async def file_proof(
    session: AsyncSession,
    who: Principal,
    application_id: uuid.UUID,
    body: ProofCreate,
    cases: CasesClient,
) -> ProofRead:
    """Files the proof of an approved application once its period is over. The key figures are
    fetched from the cases service before anything is written (no locks held during the call)."""
    app = await get_visible(session, who, application_id)
    programme = await _period_over(session, who, app)
    worked = await _months_worked(session, app, body)
    end = period_end(programme)
    figures = await delivered_figures(cases, app, programme.period_start, end)
    proof = ProofOfUse(
        application_id=app.id,
        months_worked=worked,
        key_figures=figures,
        report=body.report,
        filed_by=who.subject,
    )
    filed = ProofExists(
        texts(
            "This application already has a proof of use",
            "Für diesen Antrag gibt es schon einen Verwendungsnachweis",
        )
    )
    with constraint_problems({"uq_proof_of_use_application_id": filed}):
        session.add(proof)
        await session.flush()
    await session.refresh(proof)
    await record_audit(
        session, who, "proof_of_use.filed", "application", app.id, {"proof_id": str(proof.id)}
    )
    await emit(
        session,
        "proof_of_use.filed",
        "application",
        app.id,
        route_orgs(route_view(app)),
        {"proof_id": str(proof.id)},
    )
    return ProofRead.model_validate(proof)


async def _overdue(
    session: AsyncSession, who: Principal, as_of: date, after: uuid.UUID | None, limit: int
) -> list[OverdueProof]:
    """Up to `limit` approved applications of the caller's council (admins: all) whose proof is
    past due on `as_of`, by id after `after`."""
    council = None if who.has_role("admin") else who.org
    out: list[OverdueProof] = []
    cache: dict[uuid.UUID, date] = {}
    while len(out) < limit:
        rows = await repository.approved_without_proof(session, council, after, OVERDUE_SCAN)
        for app in rows:
            if app.programme_id not in cache:
                programme = await programmes.get(session, app.programme_id)
                assert programme is not None  # noqa: S101
                cache[app.programme_id] = due_on(programme)
            if cache[app.programme_id] < as_of:
                out.append(
                    OverdueProof(
                        application_id=app.id,
                        applicant_name=app.applicant_name,
                        applicant_ags=app.applicant_ags,
                        granted_amount=app.granted_amount or 0,
                        notice_number=app.notice_number or "",
                        due_on=cache[app.programme_id],
                    )
                )
                if len(out) == limit:
                    break
        if len(rows) < OVERDUE_SCAN:
            break
        after = rows[-1].id
    return out


async def overdue_page(
    session: AsyncSession, who: Principal, as_of: date | None, cursor: str | None, limit: int
) -> Page[OverdueProof]:
    """One page of the proofs past due on `as_of` (default: today), in application id order."""
    after = cursor_after(cursor, uuid.UUID)
    day = as_of or datetime.now(UTC).date()
    items = await _overdue(session, who, day, after[0] if after else None, limit + 1)
    return make_page(items, limit, lambda p: (str(p.application_id),), lambda p: p)


async def read_proof(session: AsyncSession, who: Principal, application_id: uuid.UUID) -> ProofRead:
    """The filed proof, for everyone on the application's route (404 before it is filed)."""
    app = await get_visible(session, who, application_id)
    proof = await repository.get_for(session, app.id)
    if proof is None:
        raise ProofNotFound(
            texts(
                "No proof of use filed yet",
                "Noch kein Verwendungsnachweis eingereicht",
            )
        )
    return ProofRead.model_validate(proof)
