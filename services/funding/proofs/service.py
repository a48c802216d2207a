"""Proof-of-use use cases: file one after the period, read it, list overdue ones for the council."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.outbox import emit
from services.funding.applications import repository as applications
from services.funding.applications.models import Application
from services.funding.applications.notice import add_months
from services.funding.applications.service import route_view
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
from services.funding.proofs.schemas import OverdueProof, ProofCreate


def due_on(programme: Programme) -> date:
    return add_months(period_end(programme), programme.proof_due_months)


async def file_proof(
    session: AsyncSession, who: Principal, app: Application, body: ProofCreate, cases: CasesClient
) -> ProofOfUse:
    """Files the proof of an approved application once its period is over. The key figures are
    fetched from the cases service before anything is written (no locks held during the call)."""
    if who.org != app.applicant_org_id or not who.has_role("applicant"):
        raise NotYourStep("Only the applicant files the proof of use")
    if app.state not in ("approved", "partially_approved"):
        raise ProofNotDue("Only approved applications need a proof of use", state=app.state)
    programme = await programmes.get(session, app.programme_id)
    assert programme is not None  # noqa: S101 - foreign key
    end = period_end(programme)
    if datetime.now(UTC).date() <= end:
        raise ProofNotDue(
            f"The funding period runs until {end.isoformat()}; file the proof afterwards"
        )
    if await repository.get_for(session, app.id) is not None:
        raise ProofExists("This application already has a proof of use")
    positions = {p.id: p for p in await applications.positions(session, app.id)}
    worked: dict[str, Any] = {}
    for item in body.positions:
        position = positions.get(item.position_id)
        if position is None:
            raise InvalidApplication("A position_id does not belong to this application")
        if item.months_worked > position.months:
            raise InvalidApplication(
                f"Position {position.id} was approved for {position.months} months only"
            )
        worked[str(item.position_id)] = item.months_worked
    figures = await cases.key_figures(app.applicant_org_id, programme.period_start, end)
    proof = ProofOfUse(
        application_id=app.id,
        months_worked=worked,
        key_figures=figures,
        report=body.report,
        filed_by=who.subject,
    )
    try:
        async with session.begin_nested():
            session.add(proof)
            await session.flush()
    except IntegrityError as exc:
        raise ProofExists("This application already has a proof of use") from exc
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
    return proof


async def overdue(
    session: AsyncSession, who: Principal, as_of: date, after: uuid.UUID | None, limit: int
) -> list[OverdueProof]:
    """Approved applications of the caller's council (admins: all) whose proof is past due."""
    council = None if who.has_role("admin") else who.org
    out: list[OverdueProof] = []
    cache: dict[uuid.UUID, date] = {}
    while len(out) < limit:
        rows = await repository.approved_without_proof(session, council, after, 500)
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
        if len(rows) < 500:
            break
        after = rows[-1].id
    return out


async def get_proof(session: AsyncSession, app: Application) -> ProofOfUse:
    proof = await repository.get_for(session, app.id)
    if proof is None:
        raise ProofNotFound("No proof of use filed yet")
    return proof
