"""`pakt cases ...`: operator commands of the cases service.

They use the cases database its settings name (CASES_DATABASE_URL), which `pakt` sets the way
every command finds its database (services/cli/database.py). Progress goes to stderr, so what
a command prints on stdout stays the same with or without a terminal.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from services.cases.casefile.service import today
from services.cases.models import access_log
from services.cases.privacy import repository as privacy_repo
from services.cases.privacy import service
from services.cases.settings import CasesSettings
from services.common.db import script_session
from services.common.retention import Removed, enforce_for, kept

commands = typer.Typer(help="Cases service commands")
cases_app = typer.Typer(help="Operate on cases", no_args_is_help=True)
commands.add_typer(cases_app, name="cases")
BATCH = 1000


def _nothing_to_prepare() -> None:
    """Without `pakt`, CASES_DATABASE_URL is used as it is."""


# `pakt` sets this to point CASES_DATABASE_URL at the database the way every command finds it
prepare_database: Callable[[], object] = _nothing_to_prepare


def progress() -> Progress:
    """A progress bar on stderr (shown on a terminal only, gone when done)."""
    console = Console(stderr=True)
    return Progress(console=console, transient=True, disable=not console.is_terminal)


async def due_for_anonymization(database_url: str, retention_days: int) -> int:
    """How many cases `anonymize` would anonymize now (changes nothing)."""
    cutoff = today() - dt.timedelta(days=retention_days)
    async with script_session(database_url, app_name="pakt-cases-cli") as session:
        return len(await privacy_repo.anonymizable(session, cutoff, 10_000_000))


async def anonymize(
    database_url: str, retention_days: int, batch: int = BATCH, bar: Progress | None = None
) -> int:
    """Anonymizes all cases closed more than `retention_days` ago, committing batch by batch."""
    total = 0
    task = None
    if bar is not None:
        task = bar.add_task(
            "anonymizing", total=await due_for_anonymization(database_url, retention_days)
        )
    async with script_session(database_url, app_name="pakt-cases-cli") as session:
        while True:
            ids = await service.anonymize_closed(session, retention_days, batch=batch)
            await session.commit()
            total += len(ids)
            if bar is not None and task is not None:
                bar.advance(task, len(ids))
            if len(ids) < batch:
                return total


async def retention(settings: CasesSettings | None = None, dry_run: bool = False) -> list[Removed]:
    """`pakt retention run` for cases: the common tables, the access log, and the anonymization
    of cases closed longer than CASES_RETENTION_DAYS."""
    settings = settings or CasesSettings()
    reads = kept(access_log, "at", dt.timedelta(days=settings.access_log_retention_days))
    removed = await enforce_for(settings, [reads], app_name="pakt-cases-retention", dry_run=dry_run)
    url, days = settings.async_database_url, settings.retention_days
    if dry_run:
        return [*removed, Removed("client_case", await due_for_anonymization(url, days), "due")]
    return [*removed, Removed("client_case", await anonymize(url, days), "anonymized")]


@cases_app.command("anonymize")
def anonymize_command(
    retention_days: Annotated[
        int | None, typer.Option(min=0, help="Override CASES_RETENTION_DAYS (days since closing)")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only count the cases that would be anonymized")
    ] = False,
) -> None:
    """Anonymize cases closed longer than the retention period: person data and free text go."""
    prepare_database()
    settings = CasesSettings()
    days = settings.retention_days if retention_days is None else retention_days
    url = settings.async_database_url
    if dry_run:
        count = asyncio.run(due_for_anonymization(url, days))
        typer.echo(f"would anonymize {count} case(s) closed more than {days} days ago")
        return
    with progress() as bar:
        count = asyncio.run(anonymize(url, days, bar=bar))
    typer.echo(f"anonymized {count} case(s) closed more than {days} days ago")
