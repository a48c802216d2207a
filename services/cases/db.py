"""How the cases service runs Core statements: on the session's connection and transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import CursorResult, Executable
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
