"""The one way to run SQL: Core statements through `run`, hot-path raw reads through
`fetch_row_direct`. Services that keep ORM objects (funding) use the session's own
`get`/`add`/`exec(select(Model))` for those and `run` for every Core statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import asyncpg
from sqlalchemy import CursorResult, Executable
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.db import pooled_driver

Params = Mapping[str, Any] | Sequence[Mapping[str, Any]] | None


async def run(
    session: AsyncSession, statement: Executable, params: Params = None
) -> CursorResult[Any]:
    """Executes a Core statement in the session's transaction (no ORM object loading).

    It runs on `session.connection()` rather than `session.exec`: SQLModel's `exec` overloads
    do not type every SQLAlchemy 2.1 statement, and its `execute` is deprecated. A list of
    `params` runs the statement once per entry in one executemany round trip.
    """
    connection = await session.connection()
    return await connection.execute(statement, params)


async def fetch_row_direct(
    session: AsyncSession | async_sessionmaker[AsyncSession], sql: str, *args: Any
) -> Mapping[str, Any] | None:
    """One SQL string straight on the asyncpg connection: the hot-path read.

    Kept for the single-statement reads `make bench` showed dominated by SQLAlchemy's
    compilation and row processing (the case GET). SQLAlchemy opens its transaction lazily, at
    the first statement it runs itself; a request whose only statement is this one therefore
    sends no BEGIN/COMMIT: PostgreSQL commits the statement before it answers, so a row it
    writes (an access-log entry) is durable when this returns. Inside an open transaction it
    simply joins it.

    Given the app's sessionmaker instead of a session, the statement is the request's only
    one: it runs on a pooled connection without a session (`db.pooled_driver`), committed by
    PostgreSQL before this returns.
    """
    if isinstance(session, async_sessionmaker):
        async with pooled_driver(session) as driver:
            return await _fetch_row(driver, sql, args)
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None  # noqa: S101 - a checked-out pooled connection has its driver
    return await _fetch_row(driver, sql, args)


async def _fetch_row(driver: Any, sql: str, args: tuple[Any, ...]) -> Mapping[str, Any] | None:
    try:
        row: Mapping[str, Any] | None = await driver.fetchrow(sql, *args)
    except asyncpg.PostgresError as exc:
        # the same exception SQLAlchemy would raise, so constraint mapping and the problem
        # handlers treat both paths alike
        raise DBAPIError.instance(sql, args, exc, asyncpg.PostgresError) from exc
    return row
