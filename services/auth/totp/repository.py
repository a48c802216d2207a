"""TOTP secrets on the account row and recovery codes (Core statements; never commits)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, delete, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.models import account, totp_recovery_code
from services.common.sql import run


async def get_account(session: AsyncSession, user_id: str) -> Row[Any] | None:
    stmt = select(account).where(account.c.id == user_id).with_for_update()
    return (await run(session, stmt)).first()


async def set_totp(session: AsyncSession, user_id: str, values: dict[str, Any]) -> None:
    await run(session, update(account).where(account.c.id == user_id).values(**values))


async def replace_recovery_codes(session: AsyncSession, user_id: str, hashes: list[str]) -> None:
    await run(session, delete(totp_recovery_code).where(totp_recovery_code.c.account_id == user_id))
    await run(
        session,
        insert(totp_recovery_code),
        [{"account_id": user_id, "code_hash": h} for h in hashes],
    )


async def use_recovery_code(session: AsyncSession, user_id: str, code_hash: str) -> bool:
    """Marks an unused recovery code used; False when there is none with this hash."""
    result = await run(
        session,
        update(totp_recovery_code)
        .where(
            totp_recovery_code.c.account_id == user_id,
            totp_recovery_code.c.code_hash == code_hash,
            totp_recovery_code.c.used_at.is_(None),
        )
        .values(used_at=datetime.now(UTC)),
    )
    return bool(result.rowcount)
