"""How the cases service runs Core statements: on the session's connection and transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import asyncpg
from sqlalchemy import CursorResult, Executable
from sqlalchemy.exc import DBAPIError
from sqlmodel.ext.asyncio.session import AsyncSession


async def run(
    session: AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
) -> CursorResult[Any]:
    """Executes a Core statement in the session's transaction (no ORM object loading).

    A list of `params` runs it once per entry in one executemany round trip.
    """
    connection = await session.connection()
    return await connection.execute(statement, params)


async def fetch_row_direct(session: AsyncSession, sql: str, *args: Any) -> Mapping[str, Any] | None:
    """One statement straight on the session's asyncpg connection: the hot-path read.

    SQLAlchemy opens its transaction lazily, at the first statement it runs itself; a request
    whose only statement is this one therefore sends no BEGIN/COMMIT: PostgreSQL commits the
    statement on its own before it answers, so a row it writes (an access-log entry) is durable
    when this returns. Inside an open transaction it simply joins it.
    """
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    try:
        row: Mapping[str, Any] | None = await raw.driver_connection.fetchrow(sql, *args)  # type: ignore[union-attr]
    except asyncpg.PostgresError as exc:
        # the same exception SQLAlchemy would raise, so the problem handlers map it (409, 422)
        raise DBAPIError.instance(sql, args, exc, asyncpg.PostgresError) from exc
    return row
