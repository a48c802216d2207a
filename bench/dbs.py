"""Uniquely named throwaway databases for one run, migrated like the real ones, then dropped."""

from __future__ import annotations

import uuid

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
        name = f"pakt_bench_{what}_{self.run_id}"
        ensure_database(self.server, name)
        self.made.append(name)
        url = self.server.database_url(name)
        if migrate_service:
            upgrade(migrate_service, url)
        return url

    def drop_all(self) -> None:
        while self.made:
            drop_database(self.server, self.made.pop())


def plain_dsn(url: str) -> str:
    """An asyncpg DSN (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)
