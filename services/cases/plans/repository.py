"""Queries on plan versions and goals."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, insert, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.models import plan_goal, plan_version
from services.common.keyset import keyset
from services.common.sql import run


async def latest_number(session: AsyncSession, case_id: uuid.UUID) -> int:
    stmt = select(func.coalesce(func.max(plan_version.c.number), 0)).where(
        plan_version.c.case_id == case_id
    )
    return int((await run(session, stmt)).scalar_one())


async def add_version(
    session: AsyncSession, values: dict[str, Any], goals: list[dict[str, Any]]
) -> Row[Any]:
    row = (
        await run(session, insert(plan_version).values(**values).returning(*plan_version.c))
    ).one()
    if goals:
        await run(
            session,
            insert(plan_goal),
            params=[
                {**g, "plan_version_id": row.id, "case_id": row.case_id, "position": i}
                for i, g in enumerate(goals)
            ],
        )
    return row


async def goals_of(
    session: AsyncSession, version_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Row[Any]]]:
    stmt = (
        select(plan_goal)
        .where(plan_goal.c.plan_version_id.in_(list(version_ids)))
        .order_by(plan_goal.c.plan_version_id, plan_goal.c.position)
    )
    out: dict[uuid.UUID, list[Row[Any]]] = {v: [] for v in version_ids}
    for goal in (await run(session, stmt)).all():
        out[goal.plan_version_id].append(goal)
    return out


async def get_version(
    session: AsyncSession, case_id: uuid.UUID, number: int | None
) -> Row[Any] | None:
    stmt = select(plan_version).where(plan_version.c.case_id == case_id)
    stmt = (
        stmt.where(plan_version.c.number == number)
        if number is not None
        else stmt.order_by(plan_version.c.number.desc())
    )
    return (await run(session, stmt.limit(1))).first()


async def list_versions(
    session: AsyncSession, case_id: uuid.UUID, *, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    stmt = select(plan_version).where(plan_version.c.case_id == case_id)
    return (await run(session, keyset(stmt, [plan_version.c.number], after, limit))).all()
