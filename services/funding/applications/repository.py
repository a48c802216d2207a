"""Queries on applications, positions and transitions (SQLAlchemy Core where it counts)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, delete, false, or_, true, tuple_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.policy import APPLICATION_PARTIES
from services.common.sql import run
from services.funding.applications.models import (
    Application,
    Position,
    Transition,
    notice_number_seq,
)
from services.funding.applications.schemas import ApplicationFilters
from services.funding.orm import load_all, load_locked


async def get(session: AsyncSession, application_id: uuid.UUID) -> Application | None:
    return await session.get(Application, application_id)


async def get_for_update(session: AsyncSession, application_id: uuid.UUID) -> Application | None:
    locked = await load_locked(
        session, Application, Application.id == application_id, order_by=Application.id
    )
    return locked[0] if locked else None


async def positions(session: AsyncSession, application_id: uuid.UUID) -> Sequence[Position]:
    return await load_all(
        session, Position, Position.application_id == application_id, order_by=Position.ordinal
    )


async def positions_of(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Position]]:
    out: dict[uuid.UUID, list[Position]] = {i: [] for i in ids}
    if ids:
        in_ids = col(Position.application_id).in_(ids)
        for p in await load_all(session, Position, in_ids, order_by=Position.ordinal):
            out[p.application_id].append(p)
    return out


async def replace_positions(
    session: AsyncSession, application_id: uuid.UUID, rows: list[Position]
) -> None:
    await run(session, delete(Position).where(col(Position.application_id) == application_id))
    session.add_all(rows)
    await session.flush()


async def next_notice_number(session: AsyncSession, council_ags: str) -> str:
    seq = (await run(session, select(notice_number_seq.next_value()))).scalar_one()
    return notice_number(council_ags, int(seq))


def notice_number(council_ags: str, seq: int) -> str:
    return f"ZB-{council_ags}-{seq:07d}"


async def save(session: AsyncSession, app: Application, values: dict[str, Any]) -> Application:
    """Applies changes and bumps the version (the caller holds the row lock)."""
    for key, value in values.items():
        setattr(app, key, value)
    app.version += 1
    app.updated_at = datetime.now(UTC)  # set here, so no reload is needed after the flush
    session.add(app)
    await session.flush()
    return app


async def add(session: AsyncSession, app: Application, rows: list[Position]) -> Application:
    session.add(app)
    await session.flush()
    session.add_all(rows)
    await session.flush()
    await session.refresh(app)
    return app


async def add_transition(session: AsyncSession, transition: Transition) -> Transition:
    transition.at = transition.at or datetime.now(UTC)
    session.add(transition)
    await session.flush()
    return transition


async def transitions(session: AsyncSession, application_id: uuid.UUID) -> Sequence[Transition]:
    return await load_all(
        session, Transition, Transition.application_id == application_id, order_by=Transition.id
    )


def visible_to(who: Principal) -> ColumnElement[bool]:
    """SQL for `workflow.can_see`: per party of the route, only with that party's role."""
    if who.has_role(*APPLICATION_PARTIES["platform"]):
        return true()
    submitted = col(Application.submitted_at).is_not(None)
    clauses = {
        "applicant": col(Application.applicant_org_id) == who.org,
        "member": col(Application.member_org_ids).any_() == who.org,
        "district": and_(submitted, col(Application.district_org_id) == who.org),
        "council": and_(submitted, col(Application.council_org_id) == who.org),
        "provider": and_(submitted, col(Application.providers).any_() == who.org),
    }
    held = [c for party, c in clauses.items() if who.has_role(*APPLICATION_PARTIES[party])]
    return or_(*held) if held else false()


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=UTC)


def filter_clauses(f: ApplicationFilters) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.state:
        clauses.append(col(Application.state).in_(f.state))
    if f.programme_id:
        clauses.append(col(Application.programme_id) == f.programme_id)
    if f.applicant:
        clauses.append(col(Application.applicant_org_id) == f.applicant)
    if f.district:
        clauses.append(col(Application.district_ags) == f.district)
    if f.region:
        clauses.append(col(Application.region_ags) == f.region)
    if f.submitted_from:
        clauses.append(col(Application.submitted_at) >= _day_start(f.submitted_from))
    if f.submitted_to:
        if f.submitted_to.year >= 9999:
            clauses.append(col(Application.submitted_at).is_not(None))
        else:
            clauses.append(
                col(Application.submitted_at) < _day_start(f.submitted_to + timedelta(days=1))
            )
    if f.amount_min is not None:
        clauses.append(col(Application.requested_amount) >= f.amount_min)
    if f.amount_max is not None:
        clauses.append(col(Application.requested_amount) <= f.amount_max)
    if f.needs_review is not None:
        clauses.append(col(Application.needs_review) == f.needs_review)
    return clauses


async def list_page(
    session: AsyncSession,
    who: Principal,
    f: ApplicationFilters,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Application]:
    stmt = select(Application).where(visible_to(who), *filter_clauses(f))
    if after is not None:
        stmt = stmt.where(tuple_(col(Application.created_at), col(Application.id)) > tuple_(*after))
    stmt = stmt.order_by(col(Application.created_at), col(Application.id)).limit(limit)
    return (await session.exec(stmt)).all()


async def flag_for_review(
    session: AsyncSession, programme_id: uuid.UUID, finalized_ags: list[str], reason: str
) -> dict[uuid.UUID, list[str]]:
    """Flags open or decided applications that relied on a preliminary frame now final;
    returns each flagged application with the organizations on its route."""
    stmt = (
        update(Application)
        .where(col(Application.programme_id) == programme_id)
        .where(col(Application.frame_status) == "preliminary")
        .where(col(Application.state).not_in(["withdrawn", "rejected"]))
        .where(
            col(Application.applicant_ags).in_(finalized_ags)
            | cast(Any, Application.member_ags).overlap(finalized_ags)  # ARRAY comparator
        )
        .values(needs_review=True, review_reason=reason, version=col(Application.version) + 1)
        .returning(
            col(Application.id),
            col(Application.applicant_org_id),
            col(Application.member_org_ids),
            col(Application.district_org_id),
            col(Application.council_org_id),
        )
    )
    flagged: dict[uuid.UUID, list[str]] = {}
    for r in await run(session, stmt):
        orgs = (r.applicant_org_id, *r.member_org_ids, r.district_org_id, r.council_org_id)
        flagged[r.id] = sorted({o for o in orgs if o})
    return flagged
