"""Queries on planning frames and consortia."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.funding.applications.models import Application
from services.funding.frames.models import Consortium, ConsortiumMember, PlanningFrame


async def frames_by_ags(
    session: AsyncSession, programme_id: uuid.UUID, ags: Sequence[str]
) -> dict[str, PlanningFrame]:
    stmt = select(PlanningFrame).where(
        PlanningFrame.programme_id == programme_id, col(PlanningFrame.ags).in_(list(ags))
    )
    return {f.ags: f for f in (await session.exec(stmt)).all()}


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
    await session.exec(stmt)


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
    rows = (await session.exec(stmt)).all()
    return {r[0]: sorted({o for o in (r[1], *r[2], r[3], r[4]) if o}) for r in rows}


async def get_consortium(session: AsyncSession, consortium_id: uuid.UUID) -> Consortium | None:
    return await session.get(Consortium, consortium_id)


async def members(session: AsyncSession, consortium_id: uuid.UUID) -> Sequence[ConsortiumMember]:
    stmt = (
        select(ConsortiumMember)
        .where(ConsortiumMember.consortium_id == consortium_id)
        .order_by(col(ConsortiumMember.ags))
    )
    return (await session.exec(stmt)).all()


async def membership(
    session: AsyncSession, programme_id: uuid.UUID, ags: str
) -> ConsortiumMember | None:
    stmt = select(ConsortiumMember).where(
        ConsortiumMember.programme_id == programme_id, ConsortiumMember.ags == ags
    )
    return (await session.exec(stmt)).first()


async def consortia_of_org(session: AsyncSession, org_id: str) -> Sequence[Consortium]:
    member_of = select(ConsortiumMember.consortium_id).where(ConsortiumMember.org_id == org_id)
    stmt = (
        select(Consortium)
        .where(col(Consortium.id).in_(member_of))
        .order_by(col(Consortium.created_at))
    )
    return (await session.exec(stmt)).all()
