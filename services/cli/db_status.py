"""`pakt db status`: per service, where its database is, whether it answers, and whether it is
at the newest migration (`heads` of the service's branch and the common one)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import asyncpg
import typer
from alembic.script import ScriptDirectory

from services.cli.database import Location, locate
from services.cli.postgres import SERVICES
from services.common.migrate import alembic_config


@dataclass(frozen=True)
class Status:
    """One service database's state; `ok` when it answers and is at head."""

    location: Location
    current: frozenset[str]
    heads: frozenset[str]
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and self.current == self.heads

    def line(self) -> str:
        where = f"{self.location.service:8} {self.location.where} ({self.location.named_by})"
        if self.problem is not None:
            return f"{where}: {self.problem}"
        if self.ok:
            return f"{where}: at head {', '.join(sorted(self.heads))}"
        current = ", ".join(sorted(self.current)) or "nothing"
        return (
            f"{where}: at {current}, head is {', '.join(sorted(self.heads))}: run `pakt db migrate`"
        )


def heads(service: str, url: str) -> frozenset[str]:
    return frozenset(ScriptDirectory.from_config(alembic_config(service, url)).get_heads())


async def _current(url: str) -> frozenset[str]:
    conn = await asyncpg.connect(url.replace("+asyncpg", ""), timeout=10)
    try:
        table = await conn.fetchval("SELECT to_regclass('alembic_version')")
        if table is None:
            return frozenset()
        return frozenset(r[0] for r in await conn.fetch("SELECT version_num FROM alembic_version"))
    finally:
        await conn.close()


def status(location: Location) -> Status:
    """The state of one service's database; a database that does not answer is a problem."""
    expected = heads(location.service, location.url)
    try:
        current = asyncio.run(_current(location.url))
    except asyncpg.InvalidCatalogNameError:
        return Status(location, frozenset(), expected, "missing: run `pakt db migrate`")
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return Status(location, frozenset(), expected, f"unreachable: {reason}")
    return Status(location, current, expected)


def status_command() -> None:
    """Each service's database: reachable, current revision against head; exit 1 unless all
    are at head."""
    states = [status(location) for location in locate(SERVICES)]
    for state in states:
        typer.echo(state.line())
    if not all(state.ok for state in states):
        raise typer.Exit(1)
