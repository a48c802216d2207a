"""Rows with an id, a version and `created_at`, scoped to a case or to an organization.

One way for every such table: consultations, referrals and volunteer assignments (scoped to
their case) and volunteers (scoped to their organization). `scope` is the condition that
keeps a caller inside what it may reach.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, func, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.keyset import keyset
from services.common.sql import run


async def add(session: AsyncSession, table: Table, values: dict[str, Any]) -> Row[Any]:
    return (await run(session, insert(table).values(**values).returning(*table.c))).one()


async def get(
    session: AsyncSession,
    table: Table,
    item_id: uuid.UUID,
    scope: ColumnElement[bool],
    *,
    lock: bool = False,
) -> Row[Any] | None:
    stmt = select(table).where(table.c.id == item_id, scope)
    return (await run(session, stmt.with_for_update() if lock else stmt)).first()


async def change(
    session: AsyncSession, table: Table, item_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    stmt = (
        update(table)
        .where(table.c.id == item_id)
        .values(**values, version=table.c.version + 1, updated_at=func.now())
        .returning(*table.c)
    )
    return (await run(session, stmt)).one()


async def page(
    session: AsyncSession,
    table: Table,
    scope: ColumnElement[bool],
    *,
    limit: int,
    after: tuple[Any, ...] | None,
    filters: Sequence[ColumnElement[bool]] = (),
) -> Sequence[Row[Any]]:
    """Oldest first, keyset on `(created_at, id)`."""
    stmt = select(table).where(scope, *filters)
    keys = [table.c.created_at, table.c.id]
    return (await run(session, keyset(stmt, keys, after, limit))).all()


async def every(
    session: AsyncSession, table: Table, scope: ColumnElement[bool]
) -> Sequence[Row[Any]]:
    """All rows in scope, oldest first (no page: the export)."""
    stmt = select(table).where(scope).order_by(table.c.created_at, table.c.id)
    return (await run(session, stmt)).all()
