"""Refresh token rows (Core statements; never commits). Tokens are stored only as hashes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.ids import is_uuid
from services.auth.models import authorization_code, refresh_token
from services.auth.tokens.schemas import Login
from services.common.sql import run


async def add(
    session: AsyncSession,
    *,
    token_hash: str,
    family_id: str,
    account_id: str,
    scope: str,
    ttl_seconds: int,
    login: Login | None = None,
) -> None:
    await run(
        session,
        insert(refresh_token).values(
            id=str(uuid.uuid4()),
            token_hash=token_hash,
            family_id=family_id,
            account_id=account_id,
            scope=scope,
            expires_at=datetime.now(UTC) + timedelta(seconds=ttl_seconds),
            client_id=login.client_id if login else None,
            auth_time=login.auth_time if login else None,
        ),
    )


async def get_by_hash(
    session: AsyncSession, token_hash: str, *, for_update: bool = False
) -> Row[Any] | None:
    stmt = select(refresh_token).where(refresh_token.c.token_hash == token_hash)
    if for_update:
        stmt = stmt.with_for_update()
    return (await run(session, stmt)).first()


async def mark_used(session: AsyncSession, token_id: str) -> None:
    await run(
        session,
        update(refresh_token)
        .where(refresh_token.c.id == token_id)
        .values(used_at=datetime.now(UTC)),
    )


async def revoke_family(session: AsyncSession, family_id: str) -> int:
    """Revokes the family's tokens not yet revoked; how many."""
    result = await run(
        session,
        update(refresh_token)
        .where(refresh_token.c.family_id == family_id, refresh_token.c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC)),
    )
    return int(result.rowcount or 0)


async def family_revoked(session: AsyncSession, family_id: str) -> bool:
    """True when the login (refresh-token family) `family_id` was ended."""
    if not is_uuid(family_id):
        return False
    stmt = select(refresh_token.c.id).where(
        refresh_token.c.family_id == family_id, refresh_token.c.revoked_at.is_not(None)
    )
    return (await run(session, stmt.limit(1))).first() is not None


async def purge_expired(session: AsyncSession) -> None:
    """Forgets refresh tokens a day after they expired (reuse detection no longer needs them)."""
    cutoff = datetime.now(UTC) - timedelta(days=1)
    await run(session, delete(refresh_token).where(refresh_token.c.expires_at < cutoff))


async def add_code(session: AsyncSession, values: dict[str, Any], ttl_seconds: int) -> None:
    """Stores an authorization code (by its hash) for `ttl_seconds`."""
    expires_at = datetime.now(UTC) + timedelta(seconds=ttl_seconds)
    await run(session, insert(authorization_code).values(**values, expires_at=expires_at))


async def take_code(session: AsyncSession, code_hash: str) -> Row[Any] | None:
    """The code row, locked; marked used in the same statement (a code works once)."""
    stmt = select(authorization_code).where(authorization_code.c.code_hash == code_hash)
    row = (await run(session, stmt.with_for_update())).first()
    if row is not None and row.used_at is None:
        await run(
            session,
            update(authorization_code)
            .where(authorization_code.c.code_hash == code_hash)
            .values(used_at=datetime.now(UTC)),
        )
    return row


async def purge_codes(session: AsyncSession) -> None:
    """Forgets codes an hour after they expired (reuse detection no longer needs them)."""
    cutoff = datetime.now(UTC) - timedelta(hours=1)
    await run(session, delete(authorization_code).where(authorization_code.c.expires_at < cutoff))
