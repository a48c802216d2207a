"""Rows hanging off a case (consultations, referrals, volunteer assignments): one way for all."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Table, func, insert, select, tuple_, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.db import run
from services.cases.models import client_case


async def add(session: AsyncSession, table: Table, values: dict[str, Any]) -> Row[Any]:
    return (await run(session, insert(table).values(**values).returning(*table.c))).one()


async def get(
    session: AsyncSession,
    table: Table,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    *,
    lock: bool = False,
) -> Row[Any] | None:
    stmt = select(table).where(table.c.case_id == case_id, table.c.id == item_id)
    if lock:
        stmt = stmt.with_for_update()
    return (await run(session, stmt)).first()


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
    case_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[dt.datetime, uuid.UUID] | None,
    filters: Sequence[Any] = (),
) -> Sequence[Row[Any]]:
    stmt = select(table).where(table.c.case_id == case_id, *filters)
    if after is not None:
        stmt = stmt.where(tuple_(table.c.created_at, table.c.id) > tuple_(*after))
    return (
        await run(session, stmt.order_by(table.c.created_at, table.c.id).limit(limit + 1))
    ).all()


def parse_after(values: list[Any]) -> tuple[dt.datetime, uuid.UUID]:
    """The keyset of a decoded `(created_at, id)` cursor; ValueError when tampered with."""
    created, item_id = values
    return dt.datetime.fromisoformat(str(created)), uuid.UUID(str(item_id))


def cursor_key(row: Row[Any]) -> tuple[str, str]:
    return row.created_at.isoformat(), str(row.id)


async def touch_case(session: AsyncSession, case_id: uuid.UUID) -> None:
    """`updated_since` on the case list also finds cases whose contacts changed."""
    stmt = update(client_case).where(client_case.c.id == case_id).values(updated_at=func.now())
    await run(session, stmt)
