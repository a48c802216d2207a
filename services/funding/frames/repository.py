"""Queries on planning frames and consortia."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, text
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run
from services.funding.frames.models import Consortium, ConsortiumMember, FrameHold, PlanningFrame
from services.funding.orm import load_all, load_first, load_locked


async def frames_by_ags(
    session: AsyncSession, programme_id: uuid.UUID, ags: Sequence[str], *, lock: bool = False
) -> dict[str, PlanningFrame]:
    """The frames by AGS; with `lock`, locked in AGS order (the one lock order of every hold)."""
    where = (PlanningFrame.programme_id == programme_id, col(PlanningFrame.ags).in_(list(ags)))
    if lock:
        found = await load_locked(session, PlanningFrame, *where, order_by=PlanningFrame.ags)
    else:
        found = await load_all(session, PlanningFrame, *where)
    return {f.ags: f for f in found}


async def lock_imports(session: AsyncSession, programme_id: uuid.UUID) -> None:
    """Serializes the frame imports of a programme until the transaction ends, so each reads
    the frames the one before it committed (its counts and transitions stay true)."""
    key = f"planning-frame-import:{programme_id}"
    await run(
        session, text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
    )


async def upsert_frames(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert or replace frames in one round trip (executemany: SQLAlchemy pages the rows, so a
    20,000-row file stays below PostgreSQL's 32,767 parameters per statement)."""
    if not rows:
        return
    stmt = insert(PlanningFrame)
    stmt = stmt.on_conflict_do_update(
        constraint="uq_planning_frame_programme_ags",
        set_={
            "name": stmt.excluded.name,
            "amount": stmt.excluded.amount,
            "status": stmt.excluded.status,
            "reference_date": stmt.excluded.reference_date,
            "updated_at": stmt.excluded.updated_at,
            "version": PlanningFrame.version + 1,
        },
    )
    await run(session, stmt, rows)


async def list_frames(
    session: AsyncSession,
    programme_id: uuid.UUID,
    *,
    status: str | None,
    ags_prefix: str | None,
    after: str | None,
    limit: int,
) -> Sequence[PlanningFrame]:
    stmt = select(PlanningFrame).where(PlanningFrame.programme_id == programme_id)
    if status:
        stmt = stmt.where(PlanningFrame.status == status)
    if ags_prefix:
        stmt = stmt.where(col(PlanningFrame.ags).startswith(ags_prefix))
    if after is not None:
        stmt = stmt.where(col(PlanningFrame.ags) > after)
    return (await session.exec(stmt.order_by(col(PlanningFrame.ags)).limit(limit + 1))).all()


async def get_consortium(session: AsyncSession, consortium_id: uuid.UUID) -> Consortium | None:
    return await session.get(Consortium, consortium_id)


async def members(session: AsyncSession, consortium_id: uuid.UUID) -> Sequence[ConsortiumMember]:
    return await load_all(
        session,
        ConsortiumMember,
        ConsortiumMember.consortium_id == consortium_id,
        order_by=ConsortiumMember.ags,
    )


async def membership(
    session: AsyncSession, programme_id: uuid.UUID, ags: str
) -> ConsortiumMember | None:
    """The municipality's accepted membership in the programme (at most one), or None."""
    return await load_first(
        session,
        ConsortiumMember,
        ConsortiumMember.programme_id == programme_id,
        ConsortiumMember.ags == ags,
        ConsortiumMember.state == "accepted",
    )


async def lock_consortium(session: AsyncSession, consortium_id: uuid.UUID) -> Consortium | None:
    """The consortium row, locked: every change of a consortium and every submit through it
    takes this lock first."""
    found = await load_locked(
        session, Consortium, Consortium.id == consortium_id, order_by=Consortium.id
    )
    return found[0] if found else None


async def held_by_ags(
    session: AsyncSession, programme_id: uuid.UUID, ags: Sequence[str]
) -> dict[str, Decimal]:
    """What the holds of the programme sum to per municipality (0.00 where none)."""
    stmt = (
        select(FrameHold.ags, func.sum(FrameHold.amount).label("total"))
        .where(col(FrameHold.programme_id) == programme_id, col(FrameHold.ags).in_(list(ags)))
        .group_by(col(FrameHold.ags))
    )
    sums = {r.ags: Decimal(r.total) for r in (await run(session, stmt)).all()}
    return {a: sums.get(a, Decimal("0.00")) for a in ags}


async def holds_of(session: AsyncSession, application_ids: Sequence[uuid.UUID]) -> list[FrameHold]:
    in_ids = col(FrameHold.application_id).in_(list(application_ids))
    return list(await load_all(session, FrameHold, in_ids, order_by=FrameHold.ags))


async def holds_on(session: AsyncSession, programme_id: uuid.UUID, ags: str) -> list[FrameHold]:
    found = await load_all(
        session,
        FrameHold,
        FrameHold.programme_id == programme_id,
        FrameHold.ags == ags,
        order_by=FrameHold.application_id,
    )
    return list(found)


async def release_holds(session: AsyncSession, application_ids: Sequence[uuid.UUID]) -> None:
    if application_ids:
        in_ids = col(FrameHold.application_id).in_(list(application_ids))
        await run(session, delete(FrameHold).where(in_ids))


async def put_holds(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Replaces the holds of the rows' applications with the rows."""
    await release_holds(session, sorted({r["application_id"] for r in rows}))
    if rows:
        await run(session, insert(FrameHold), list(rows))


async def consortium_holds(session: AsyncSession, consortium_id: uuid.UUID) -> bool:
    """Whether an application through the consortium holds frames (submitted or approved)."""
    stmt = select(FrameHold.application_id).where(col(FrameHold.consortium_id) == consortium_id)
    return (await run(session, stmt.limit(1))).first() is not None


async def consortia_of_org(session: AsyncSession, org_id: str) -> Sequence[Consortium]:
    member_of = select(ConsortiumMember.consortium_id).where(ConsortiumMember.org_id == org_id)
    return await load_all(
        session, Consortium, col(Consortium.id).in_(member_of), order_by=Consortium.created_at
    )
