"""`pakt worker <service>`: deliver that service's outbox to its webhook subscribers.

Runs until SIGTERM or Ctrl-C. Run as many as you like per service: they share the work by
leases on subscriptions (services/common/webhooks/worker.py). The database comes from
`<SVC>_DATABASE_URL` (else `pakt_<svc>` on the server `pakt` finds); the pacing from
`WEBHOOKS_*` (services/common/webhooks/settings.py). Private and loopback endpoints are
reachable only when the service's `<SVC>_ENVIRONMENT` is `development`.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from services.auth.settings import AuthSettings
from services.cases.settings import CasesSettings
from services.cli import database
from services.common.db import make_engine, make_sessionmaker
from services.common.logging import configure_logging
from services.common.settings import ServiceSettings
from services.common.webhooks.settings import WebhookSettings
from services.common.webhooks.worker import Worker, limits_from
from services.funding.settings import FundingSettings

POOL_SIZE = 4  # one delivery at a time per claimed subscription needs few connections
SETTINGS: dict[str, type[ServiceSettings]] = {
    "auth": AuthSettings,
    "cases": CasesSettings,
    "funding": FundingSettings,
}


def relax_commits(engine: AsyncEngine) -> None:
    """The worker's commits do not wait for the WAL flush: a commit lost in a crash only means
    an attempt is made (and logged) again, which at-least-once delivery allows anyway; waiting
    for two flushes per delivery was most of a delivery's time."""

    @event.listens_for(engine.sync_engine, "connect")
    def _no_flush_wait(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.run_async(lambda conn: conn.execute("SET synchronous_commit TO off"))


async def _run(service: str, settings: ServiceSettings) -> None:
    hooks = WebhookSettings()
    engine = make_engine(
        settings.async_database_url, app_name=f"pakt-{service}-webhooks", pool_size=POOL_SIZE
    )
    relax_commits(engine)
    development = settings.environment == "development"
    worker = Worker(
        service, make_sessionmaker(engine), hooks, limits_from(hooks, allow_private=development)
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await worker.run(stop)
    finally:
        await engine.dispose()


def run_worker(
    service: Annotated[str, typer.Argument(help="auth, cases or funding")],
) -> None:
    """Deliver SERVICE's events to its webhook subscriptions until stopped (SIGTERM, Ctrl-C)."""
    if service not in SETTINGS:
        typer.echo(f"error: no service {service!r}; choose one of {', '.join(SETTINGS)}")
        raise typer.Exit(2)
    database.point_at([service])
    settings = SETTINGS[service]()
    configure_logging(settings.log_level, settings.log_json)
    asyncio.run(_run(service, settings))


def command(
    service: str, database_url: str, base: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """Command and environment of a worker process beside the services (`pakt dev`, tests)."""
    argv = [sys.executable, "-c", "from services.cli.main import app; app()", "worker", service]
    env = {**base, f"{service.upper()}_DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    return argv, env
