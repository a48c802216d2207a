"""`pakt cases ...`: operator commands of the cases service."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Annotated

import typer

from services.cases.models import access_log
from services.cases.privacy import service
from services.cases.settings import CasesSettings
from services.common.db import script_session
from services.common.retention import Policy, Removed, enforce_for

commands = typer.Typer(help="Cases service commands")
cases_app = typer.Typer(help="Operate on cases")
commands.add_typer(cases_app, name="cases")


async def anonymize(database_url: str, retention_days: int, batch: int = 1000) -> int:
    """Anonymizes all cases closed more than `retention_days` ago, committing batch by batch."""
    total = 0
    async with script_session(database_url, app_name="pakt-cases-cli") as session:
        while True:
            ids = await service.anonymize_closed(session, retention_days, batch=batch)
            await session.commit()
            total += len(ids)
            if len(ids) < batch:
                return total


async def retention(settings: CasesSettings | None = None) -> list[Removed]:
    """`pakt retention run` for cases: the common tables, the access log, and the anonymization
    of cases closed longer than CASES_RETENTION_DAYS."""
    settings = settings or CasesSettings()
    reads = Policy(access_log, "at", dt.timedelta(days=settings.access_log_retention_days))
    removed = await enforce_for(settings, [reads], app_name="pakt-cases-retention")
    count = await anonymize(settings.async_database_url, settings.retention_days)
    return [*removed, Removed("client_case", count, "anonymized")]


@cases_app.command("anonymize")
def anonymize_command(
    retention_days: Annotated[
        int | None, typer.Option(min=0, help="Override CASES_RETENTION_DAYS (days since closing)")
    ] = None,
) -> None:
    """Anonymize cases closed longer than the retention period: person data and free text go."""
    settings = CasesSettings()
    days = settings.retention_days if retention_days is None else retention_days
    count = asyncio.run(anonymize(settings.async_database_url, days))
    typer.echo(f"anonymized {count} case(s) closed more than {days} days ago")
