"""Queries on accounts (users) and API clients (Core statements; never commits)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, Table, func, insert, literal, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.models import account, api_client, refresh_token
from services.auth.sql import is_uuid, run


async def get_user(
    session: AsyncSession, user_id: str, *, for_update: bool = False
) -> Row[Any] | None:
    if not is_uuid(user_id):
        return None
    stmt = select(account).where(account.c.id == user_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await run(session, stmt)).first()


async def get_user_by_username(session: AsyncSession, username: str) -> Row[Any] | None:
    return (await run(session, select(account).where(account.c.username == username))).first()


async def get_client(
    session: AsyncSession, row_id: str, *, for_update: bool = False
) -> Row[Any] | None:
    stmt = select(api_client).where(api_client.c.id == row_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await run(session, stmt)).first()


async def get_client_by_client_id(session: AsyncSession, client_id: str) -> Row[Any] | None:
    return (
        await run(session, select(api_client).where(api_client.c.client_id == client_id))
    ).first()


async def add(session: AsyncSession, table: Table, values: dict[str, Any]) -> bool:
    """Inserts a row; False when a unique constraint refuses it (the savepoint is rolled back)."""
    try:
        async with session.begin_nested():
            await run(session, insert(table).values(**values))
    except IntegrityError:
        return False
    return True


async def change(session: AsyncSession, table: Table, row_id: str, values: dict[str, Any]) -> None:
    """Applies `values` and bumps the version (the ETag)."""
    await run(
        session,
        update(table)
        .where(table.c.id == row_id)
        .values(**values, version=table.c.version + 1, updated_at=func.now()),
    )


async def list_page(
    session: AsyncSession,
    table: Table,
    name_column: str,
    *,
    org_id: str | None,
    active: bool | None,
    limit: int,
    after: str | None,
) -> Sequence[Row[Any]]:
    """Up to `limit + 1` rows ordered by their unique name (`username` or `client_id`)."""
    name = table.c[name_column]
    stmt = select(table)
    if org_id is not None:
        stmt = stmt.where(table.c.organization_id == org_id)
    if active is not None:
        stmt = stmt.where(table.c.active.is_(active))
    if after is not None:
        stmt = stmt.where(tuple_(name) > tuple_(literal(after)))
    return (await run(session, stmt.order_by(name).limit(limit + 1))).all()


async def revoke_user_refresh_tokens(session: AsyncSession, user_id: str) -> int:
    result = await run(
        session,
        update(refresh_token)
        .where(refresh_token.c.account_id == user_id, refresh_token.c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC)),
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
