"""Retention: tables that grow with use lose their rows after a configured period.

A `Policy` names a table, the column that dates a row and how old a row may get. `enforce`
applies policies to one database and says per table how many rows went. Rows go in batches,
each in its own short transaction, so no lock is held for long and a large backlog never
blocks the service. How rows go is one function, `Policy.remove`: `delete_in_batches`, or for
the tables partitioned by month (services/common/partitions.py) `drop_then_delete`, which drops
the months wholly past the period and deletes row by row only in the month the cutoff falls in.

The periods are settings (`<SVC>_AUDIT_RETENTION_DAYS`, ...); docs/RETENTION.md says why the
defaults are what they are. `pakt retention run` (services/cli/retention.py) calls `enforce`
for every service; the Kubernetes CronJob and `pakt dev` call that command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Table, delete, func, select, tuple_
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common import partitions
from services.common.db import script_session
from services.common.settings import ServiceSettings
from services.common.sql import run
from services.common.tables import (
    audit_entry,
    idempotency_record,
    outbox_event,
    outbox_reader,
)

Remover = Callable[[AsyncSession, Table, str, dt.datetime, int], Awaitable[int]]


async def delete_in_batches(
    session: AsyncSession, table: Table, column: str, cutoff: dt.datetime, batch: int
) -> int:
    """Deletes rows dated before `cutoff`, `batch` rows per committed transaction.

    Each batch picks its rows by primary key (`... LIMIT batch FOR UPDATE SKIP LOCKED`), so a
    row a request holds is left for the next run instead of waited for."""
    key = list(table.primary_key.columns)
    total = 0
    while True:
        chosen = (
            select(*key)
            .where(table.c[column] < cutoff)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
        removed = (await run(session, delete(table).where(tuple_(*key).in_(chosen)))).rowcount
        await session.commit()
        total += int(removed or 0)
        if not removed or removed < batch:
            return total


async def count_due(
    session: AsyncSession, table: Table, column: str, cutoff: dt.datetime, batch: int
) -> int:
    """What `delete_in_batches` would remove, removing nothing (`pakt retention run --dry-run`)."""
    stmt = select(func.count()).select_from(table).where(table.c[column] < cutoff)
    return int((await run(session, stmt)).scalar_one())


async def drop_then_delete(
    session: AsyncSession, table: Table, column: str, cutoff: dt.datetime, batch: int
) -> int:
    """The remover of a table partitioned by month: creates the coming months' partitions,
    drops the months wholly before `cutoff` (one DROP TABLE each, however many rows), and
    deletes in batches what is left before it (the month `cutoff` falls in, and old rows of
    the default partition)."""
    await partitions.ensure_partitions(session, table.name, column, dt.datetime.now(dt.UTC))
    dropped = await partitions.drop_expired(session, table.name, cutoff)
    return dropped + await delete_in_batches(session, table, column, cutoff, batch)


def kept(table: Table, column: str, keep: dt.timedelta) -> Policy:
    """The policy of `table`: by partition where the table is partitioned, else row by row."""
    partitioned = partitions.PARTITIONED.get(table.name) == column
    return Policy(table, column, keep, drop_then_delete if partitioned else delete_in_batches)


@dataclass(frozen=True)
class Policy:
    """Rows of `table` whose `column` is older than `keep` are removed by `remove`."""

    table: Table
    column: str
    keep: dt.timedelta
    remove: Remover = field(default=delete_in_batches)

    @property
    def name(self) -> str:
        return self.table.name


@dataclass(frozen=True)
class Removed:
    """What one policy (or another retention step) removed from one table; for a table
    partitioned by month also the partitions the run created and dropped (by name)."""

    table: str
    rows: int
    what: str = "deleted"
    created: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    def line(self, service: str) -> str:
        return f"{service:8} {self.table:22} {self.what} {self.rows}"

    def lines(self, service: str) -> list[str]:
        """`line`, then one line per partition created or dropped (its rows are in `rows`)."""
        changes = [(n, "created") for n in self.created] + [(n, "dropped") for n in self.dropped]
        return [self.line(service), *(f"{service:8} {n:22} partition {c}" for n, c in changes)]


def common_policies(settings: ServiceSettings) -> list[Policy]:
    """The tables every service database has: audit trail, outbox, idempotency records."""
    return [
        kept(audit_entry, "at", dt.timedelta(days=settings.audit_retention_days)),
        kept(outbox_event, "occurred_at", dt.timedelta(days=settings.outbox_retention_days)),
        # the feed's index of the outbox: same period, so it never names an expired event for
        # long (the feed joins the events, so a reader row left a moment longer shows nothing)
        kept(outbox_reader, "occurred_at", dt.timedelta(days=settings.outbox_retention_days)),
        Policy(
            idempotency_record,
            "created_at",
            dt.timedelta(hours=settings.idempotency_retention_hours),
        ),
    ]


async def enforce(
    session: AsyncSession,
    policies: Sequence[Policy],
    *,
    batch: int,
    now: dt.datetime | None = None,
) -> list[Removed]:
    """Applies every policy to the session's database; one `Removed` per policy."""
    moment = now or dt.datetime.now(dt.UTC)
    out = []
    for policy in policies:
        # only the partitioned remover changes partitions (a dry run's `count_due` does not)
        partitioned = policy.remove is drop_then_delete
        before = await _months(session, policy.name) if partitioned else set()
        rows = await policy.remove(
            session, policy.table, policy.column, moment - policy.keep, batch
        )
        after = await _months(session, policy.name) if partitioned else set()
        created, dropped = tuple(sorted(after - before)), tuple(sorted(before - after))
        out.append(Removed(policy.name, rows, created=created, dropped=dropped))
    return out


async def _months(session: AsyncSession, table: str) -> set[str]:
    """The names of `table`'s monthly partitions."""
    return {m.partition(table) for m in await partitions.monthly_partitions(session, table)}


async def enforce_for(
    settings: ServiceSettings,
    extra: Sequence[Policy] = (),
    *,
    app_name: str,
    dry_run: bool = False,
) -> list[Removed]:
    """The common policies and a service's own `extra` ones, on the service's database;
    `dry_run` counts what is due instead of removing it."""
    policies = [*common_policies(settings), *extra]
    if dry_run:
        policies = [replace(p, remove=count_due) for p in policies]
    async with script_session(settings.async_database_url, app_name=app_name) as session:
        found = await enforce(session, policies, batch=settings.retention_batch_size)
    return [replace(r, what="due") for r in found] if dry_run else found
