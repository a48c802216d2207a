"""`pakt retention run`: enforce the retention periods in every service's database.

Each service says what retention means for it (`services/<svc>/cli.py: retention`); this
command points each at its database (`<SVC>_DATABASE_URL`, else `pakt_<svc>` on the server
`pakt` finds), runs it and prints one line per table with the rows it removed and one per
monthly partition it created or dropped. A scheduler calls it: the Kubernetes CronJob
`pakt-retention` (deploy/k8s/base/retention-cronjob.yaml) and `pakt dev`, which runs it with
`--every 3600` beside the services. docs/RETENTION.md.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Annotated, Any

import typer

from services.auth import cli as auth_cli
from services.cases import cli as cases_cli
from services.cli import database
from services.cli.postgres import SERVICES
from services.cli.progress import progress
from services.common.retention import Removed
from services.funding import cli as funding_cli

RETENTION: dict[str, Callable[..., Coroutine[Any, Any, list[Removed]]]] = {
    "auth": auth_cli.retention,
    "cases": cases_cli.retention,
    "funding": funding_cli.retention,
}

commands = typer.Typer(help="Retention periods of access logs, audit, outbox, stored responses.")


def _say(line: str) -> None:
    typer.echo(line)
    sys.stdout.flush()


def run_once(services: list[str], *, dry_run: bool = False) -> int:
    """Enforces retention for `services`, printing a line per table; returns the rows removed
    (with `dry_run`: counts what is due and removes nothing). A progress bar on stderr shows
    which service is being worked on (on a terminal only)."""
    total = 0
    with progress() as bar:
        task = bar.add_task("retention", total=len(services))
        for service in services:
            bar.update(task, description=f"retention: {service}")
            for removed in asyncio.run(RETENTION[service](dry_run=dry_run)):
                for line in removed.lines(service):
                    _say(line)
                total += removed.rows
            bar.advance(task)
    _say(f"retention: {total} row(s) {'due (dry run: nothing removed)' if dry_run else 'removed'}")
    return total


def loop(
    every: float, database_urls: Mapping[str, str], base: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """Command and environment of the process `pakt dev` runs beside the services: this command
    at start and then every `every` seconds, on the stack's databases."""
    argv = [sys.executable, "-c", "from services.cli.main import app; app()"]
    env = {**base, **{f"{s.upper()}_DATABASE_URL": url for s, url in database_urls.items()}}
    return [*argv, "retention", "run", "--every", str(every)], {**env, "PYTHONUNBUFFERED": "1"}


@commands.command("run")
def run_command(
    service: Annotated[
        list[str] | None,
        typer.Option("--service", help="auth, cases or funding; repeat for several (default all)"),
    ] = None,
    every: Annotated[
        float | None,
        typer.Option(min=1, help="Repeat every this many seconds until stopped (for `pakt dev`)"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only count what is due; remove nothing")
    ] = False,
) -> None:
    """Delete what outlived its retention period, in batches; print per table what went."""
    chosen = service or list(SERVICES)
    unknown = sorted(set(chosen) - set(RETENTION))
    if unknown:
        raise typer.BadParameter(
            f"unknown service(s): {', '.join(unknown)}", param_hint="--service"
        )
    database.point_at(chosen, check=every is None)
    if every is None or dry_run:
        run_once(chosen, dry_run=dry_run)
        return
    while True:
        try:
            run_once(chosen)
        except Exception as exc:  # the loop of `pakt dev` outlives a failed run
            _say(f"retention failed: {exc!r}; next run in {every:.0f} s")
        time.sleep(every)
