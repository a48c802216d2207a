"""One typed way to run a Core statement on the request's SQLModel session.

SQLModel's `AsyncSession.exec` overloads do not accept every SQLAlchemy 2.1 statement type
under mypy (variadic `Select` generics, `TextClause`); this wrapper keeps that in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Result
from sqlalchemy.sql.base import Executable
from sqlmodel.ext.asyncio.session import AsyncSession


async def run(
    session: AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
) -> Result[Any]:
    """Executes `statement` in the session's transaction and returns SQLAlchemy's result."""
    result: Result[Any] = await session.exec(statement, params=params)  # type: ignore[call-overload]
    return result


def is_uuid(value: str) -> bool:
    """True for a UUID string: ids from tokens are checked before they reach a uuid column."""
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
