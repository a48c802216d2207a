"""Login throttling: failed attempts per account and per client address, with growing lockouts.

After `free` failures within the window, each further failure locks the key for
base * 2^(n - free - 1) seconds, capped at `login_max_lockout_seconds`. A locked key is
answered with 429 and Retry-After before any password is checked. A success clears the
account's counter (an address's counter only runs out with the window).
"""

from __future__ import annotations

import math
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.errors import TooManyAttempts
from services.auth.models import login_throttle
from services.auth.settings import AuthSettings
from services.common.sql import run


def account_key(username: str) -> str:
    return f"account:{username}"


def ip_key(address: str) -> str:
    return f"ip:{address}"


async def check(session: AsyncSession, keys: list[str]) -> None:
    """429 (TooManyAttempts) when any of `keys` is locked right now."""
    now = datetime.now(UTC)
    rows = await run(
        session,
        select(login_throttle.c.locked_until).where(
            login_throttle.c.key.in_(keys), login_throttle.c.locked_until > now
        ),
    )
    until = [r[0] for r in rows.all()]
    if until:
        raise TooManyAttempts(max(1, math.ceil((max(until) - now).total_seconds())))


async def record_failure(
    session: AsyncSession, settings: AuthSettings, key: str, free: int
) -> None:
    """Counts one failure for `key` and locks it once it passed its free attempts."""
    now = datetime.now(UTC)
    window_start = now - timedelta(seconds=settings.login_failure_window_seconds)
    upsert = insert(login_throttle).values(key=key, failures=1, last_failure_at=now)
    stmt = upsert.on_conflict_do_update(
        index_elements=["key"],
        set_={
            "failures": case(
                (login_throttle.c.last_failure_at < window_start, literal(1)),
                else_=login_throttle.c.failures + 1,
            ),
            "last_failure_at": now,
        },
    ).returning(login_throttle.c.failures)
    failures = int((await run(session, stmt)).one()[0])
    if failures == 1 and secrets.randbelow(100) == 0:  # now and then, forget stale counters
        await run(
            session,
            delete(login_throttle).where(
                login_throttle.c.last_failure_at < window_start,
                or_(login_throttle.c.locked_until.is_(None), login_throttle.c.locked_until < now),
            ),
        )
    if failures > free:
        exponent = min(failures - free - 1, 20)
        delay = min(
            settings.login_base_delay_seconds * 2**exponent, settings.login_max_lockout_seconds
        )
        await run(
            session,
            update(login_throttle)
            .where(login_throttle.c.key == key)
            .values(locked_until=now + timedelta(seconds=delay)),
        )


async def clear(session: AsyncSession, key: str) -> None:
    await run(session, delete(login_throttle).where(login_throttle.c.key == key))
