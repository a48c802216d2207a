"""Appending rows to common's append-only tables (audit trail, outbox): the one writer of each
table is its module (`audit`, `outbox`); this holds how such a module appends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run


async def append(session: AsyncSession, table: Table, row: dict[str, Any]) -> None:
    """Appends one row in the caller's transaction (it lands exactly when the change does)."""
    await run(session, insert(table).values(**row))


async def append_many(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Appends many rows in one round trip; nothing for no rows."""
    if rows:
        await run(session, insert(table), rows)


def append_select_sql(table: Table, source: str, values: dict[str, str]) -> str:
    """SQL appending one row of `table` per row of `source`: `values` maps each column to an SQL
    expression over `source` (only for a one-statement hot path, a data-modifying CTE)."""
    into = f"INSERT INTO {table.name} ({', '.join(values)})"
    return f"{into} SELECT {', '.join(values.values())} FROM {source}"  # noqa: S608 - no input in it
