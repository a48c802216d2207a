"""Uniquely named throwaway databases for one run, migrated like the real ones, then dropped."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from services.cli.postgres import Server, drop_database, ensure_database, find_server
from services.common.migrate import upgrade


class Throwaway:
    """Makes `pakt_bench_<what>_<run>` databases; `drop_all()` removes every one it made."""

    def __init__(self, server: Server | None = None) -> None:
        self.server = server or find_server()
        self.run_id = uuid.uuid4().hex[:8]
        self.made: list[str] = []

    def create(self, what: str, migrate_service: str | None = None) -> str:
        """A new database (at `migrate_service`'s alembic head if given); returns its URL."""
        name = self.name_of(what)
        ensure_database(self.server, name)
        self.made.append(name)
        url = self.server.database_url(name)
        if migrate_service:
            upgrade(migrate_service, url)
        return url

    def name_of(self, what: str) -> str:
        return f"pakt_bench_{what}_{self.run_id}"

    def drop_all(self) -> None:
        while self.made:
            drop_database(self.server, self.made.pop())


def plain_dsn(url: str) -> str:
    """An asyncpg DSN (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _sessions(server_url: str, names: list[str]) -> int:
    conn = await asyncpg.connect(plain_dsn(server_url))
    try:
        value = await conn.fetchval(
            "SELECT coalesce(sum(sessions), 0) FROM pg_stat_database WHERE datname = ANY($1)",
            names,
        )
        return int(value)
    finally:
        await conn.close()


def sessions_opened(server: Server, names: list[str]) -> int | None:
    """Connections ever opened to these databases (PostgreSQL >= 14), None if unknown.

    Statistics are flushed by backends at most once a second, so read it after a pause.
    """
    if not names:
        return None
    try:
        return asyncio.run(_sessions(server.url, names))
    except (OSError, asyncpg.PostgresError):
        return None
