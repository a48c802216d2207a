"""Queries on the volunteer registry."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, insert, select, tuple_, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.db import run
from services.cases.models import volunteer


async def add(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    return (await run(session, insert(volunteer).values(**values).returning(*volunteer.c))).one()


async def get(
    session: AsyncSession, org_id: str, volunteer_id: uuid.UUID, *, lock: bool = False
) -> Row[Any] | None:
    stmt = select(volunteer).where(volunteer.c.id == volunteer_id, volunteer.c.org_id == org_id)
    return (await run(session, stmt.with_for_update() if lock else stmt)).first()


async def change(
    session: AsyncSession, volunteer_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    stmt = (
        update(volunteer)
        .where(volunteer.c.id == volunteer_id)
        .values(**values, version=volunteer.c.version + 1, updated_at=func.now())
        .returning(*volunteer.c)
    )
    return (await run(session, stmt)).one()


async def page(
    session: AsyncSession,
    org_id: str,
    *,
    limit: int,
    after: tuple[dt.datetime, uuid.UUID] | None,
    filters: Sequence[Any],
) -> Sequence[Row[Any]]:
    stmt = select(volunteer).where(volunteer.c.org_id == org_id, *filters)
    if after is not None:
        stmt = stmt.where(tuple_(volunteer.c.created_at, volunteer.c.id) > tuple_(*after))
    return (
        await run(session, stmt.order_by(volunteer.c.created_at, volunteer.c.id).limit(limit + 1))
    ).all()
