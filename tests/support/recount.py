"""Kept-by-trigger figures against a full recount, inside a transaction that is rolled back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import asyncpg


async def stored_equals_recount(
    c: asyncpg.Connection,
    apply: Callable[[], Awaitable[None]],
    stored_sql: str,
    recount_sql: str,
) -> None:
    """Runs `apply`, then asserts the trigger-kept rows equal the recount; leaves nothing."""
    tx = c.transaction()
    await tx.start()
    try:
        await apply()
        stored = sorted(tuple(r) for r in await c.fetch(stored_sql))
        recounted = sorted(tuple(r) for r in await c.fetch(recount_sql))
        assert stored == recounted
    finally:
        await tx.rollback()
