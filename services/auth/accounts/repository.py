"""Queries on accounts (users) and API clients (Core statements; never commits)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, Select, Table, func, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.ids import is_uuid
from services.auth.models import account, api_client, refresh_token
from services.common.keyset import keyset
from services.common.sql import run


async def get(
    session: AsyncSession, table: Table, row_id: str, *, for_update: bool = False
) -> Row[Any] | None:
    """A user (`account`) or an API client (`api_client`) by id; None for a non-UUID id."""
    if not is_uuid(row_id):
        return None
    stmt = select(table).where(table.c.id == row_id)
    return (await run(session, stmt.with_for_update() if for_update else stmt)).first()


async def get_user(session: AsyncSession, user_id: str, *, share: bool = False) -> Row[Any] | None:
    """A user by id; `share` locks it against a concurrent deactivation (see `_shared`)."""
    if not is_uuid(user_id):
        return None
    return (
        await run(session, _shared(select(account).where(account.c.id == user_id), share))
    ).first()


async def get_user_by_username(
    session: AsyncSession, username: str, *, share: bool = False
) -> Row[Any] | None:
    stmt = select(account).where(account.c.username == username)
    return (await run(session, _shared(stmt, share))).first()


async def get_client_by_client_id(
    session: AsyncSession, client_id: str, *, share: bool = False
) -> Row[Any] | None:
    stmt = select(api_client).where(api_client.c.client_id == client_id)
    return (await run(session, _shared(stmt, share))).first()


def _shared(stmt: Select[Any], share: bool) -> Select[Any]:
    """FOR KEY SHARE when `share`: a grant issuing tokens and a deactivation (FOR UPDATE) of the
    same account serialize, so every token of a deactivated account is issued before the
    revocation's time, or not at all."""
    return stmt.with_for_update(read=True, key_share=True) if share else stmt


async def add(session: AsyncSession, table: Table, values: dict[str, Any]) -> None:
    """Inserts a user or client row; a taken unique name raises (the service names the problem)."""
    await run(session, insert(table).values(**values))


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
    after: tuple[Any, ...] | None,
) -> Sequence[Row[Any]]:
    """Up to `limit + 1` rows ordered by their unique name (`username` or `client_id`)."""
    stmt = select(table)
    if org_id is not None:
        stmt = stmt.where(table.c.organization_id == org_id)
    if active is not None:
        stmt = stmt.where(table.c.active.is_(active))
    return (await run(session, keyset(stmt, [table.c[name_column]], after, limit))).all()


async def revoke_user_refresh_tokens(session: AsyncSession, user_id: str) -> int:
    result = await run(
        session,
        update(refresh_token)
        .where(refresh_token.c.account_id == user_id, refresh_token.c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC)),
    )
    return int(result.rowcount or 0)
