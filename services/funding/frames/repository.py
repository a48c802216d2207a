"""Queries on planning frames and consortia."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run
from services.funding.frames.models import Consortium, ConsortiumMember, PlanningFrame
from services.funding.orm import load_all, load_first


async def frames_by_ags(
    session: AsyncSession, programme_id: uuid.UUID, ags: Sequence[str]
) -> dict[str, PlanningFrame]:
    found = await load_all(
        session,
        PlanningFrame,
        PlanningFrame.programme_id == programme_id,
        col(PlanningFrame.ags).in_(list(ags)),
    )
    return {f.ags: f for f in found}


async def upsert_frames(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert or replace frames in one statement."""
    if not rows:
        return
    stmt = insert(PlanningFrame).values(rows)
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
    await run(session, stmt)


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
    return await load_first(
        session,
        ConsortiumMember,
        ConsortiumMember.programme_id == programme_id,
        ConsortiumMember.ags == ags,
    )


async def consortia_of_org(session: AsyncSession, org_id: str) -> Sequence[Consortium]:
    member_of = select(ConsortiumMember.consortium_id).where(ConsortiumMember.org_id == org_id)
    return await load_all(
        session, Consortium, col(Consortium.id).in_(member_of), order_by=Consortium.created_at
    )
