"""Monthly partitions of the tables that grow with every use (docs/adr/0020-monthly-partitions.md).

`audit_entry` and `outbox_event` (every service database) and `access_log` (cases) are
partitioned by RANGE on their time column, one partition per calendar month (UTC) named
`<table>_pYYYY_MM`, and a `<table>_default` partition that takes any row no monthly partition
covers, so an insert never fails for want of a partition. Retention
(services/common/retention.py: `drop_then_delete`) drops a month that is wholly past its period
with one DROP TABLE instead of deleting its rows, and creates the coming months' partitions on
every run (`pakt retention run`, hourly in `make run`).

A month whose rows already sit in the default partition (the job did not run for months) gets no
partition of its own: PostgreSQL would refuse to create it. Its rows stay in the default
partition, where retention deletes them row by row like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run

# table -> the column it is partitioned by; a table of this list is partitioned in every
# database that has it (migrations: common 0005, cases 0005_partitions)
PARTITIONED: dict[str, str] = {
    "audit_entry": "at",
    "outbox_event": "occurred_at",
    # the feed's reader rows (common 0006) live and expire with their events
    "outbox_reader": "occurred_at",
    "access_log": "at",
}
AHEAD = 3  # months created beyond the current one, so a month never starts without its partition
# creating and detaching a partition locks the parent table; a DDL waiting for that lock would
# queue every request behind it, so it waits this long at most and the next run tries again
LOCK_TIMEOUT = "2s"

_NAME = re.compile(r"^(?P<table>.+)_p(?P<year>\d{4})_(?P<month>\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month in UTC: the range of one partition."""

    year: int
    month: int

    @classmethod
    def of(cls, moment: dt.datetime) -> Month:
        utc = moment.astimezone(dt.UTC)
        return cls(utc.year, utc.month)

    @classmethod
    def from_partition(cls, table: str, name: str) -> Month | None:
        found = _NAME.match(name)
        if not found or found["table"] != table:
            return None
        return cls(int(found["year"]), int(found["month"]))

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, self.month, 1, tzinfo=dt.UTC)

    @property
    def end(self) -> dt.datetime:
        return self.next().start

    def partition(self, table: str) -> str:
        return f"{table}_p{self.year:04d}_{self.month:02d}"


def months(first: Month, last: Month) -> list[Month]:
    """`first` to `last`, both included."""
    out, month = [], first
    while month <= last:
        out.append(month)
        month = month.next()
    return out


def months_ahead(now: dt.datetime, ahead: int = AHEAD) -> list[Month]:
    """The current month of `now` and the `ahead` following ones."""
    out = [Month.of(now)]
    for _ in range(ahead):
        out.append(out[-1].next())
    return out


def create_partition_sql(table: str, month: Month) -> str:
    return (
        f'CREATE TABLE IF NOT EXISTS "{month.partition(table)}" PARTITION OF "{table}"'
        f" FOR VALUES FROM ('{month.start.isoformat()}') TO ('{month.end.isoformat()}')"
    )


def create_default_sql(table: str) -> str:
    return f'CREATE TABLE IF NOT EXISTS "{table}_default" PARTITION OF "{table}" DEFAULT'


CHILDREN_SQL = (
    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
    " JOIN pg_class p ON p.oid = i.inhparent"
    " WHERE p.relname = :table AND p.relnamespace = 'public'::regnamespace"
)
# every partition of the database: alembic's comparison leaves them out (services/common/migrate.py)
ALL_PARTITIONS_SQL = "SELECT relname FROM pg_class WHERE relispartition AND relkind = 'r'"


async def monthly_partitions(session: AsyncSession, table: str) -> list[Month]:
    """The months that have a partition of `table`, oldest first."""
    names = (await run(session, text(CHILDREN_SQL), {"table": table})).scalars().all()
    found = (Month.from_partition(table, name) for name in names)
    return sorted(m for m in found if m is not None)


async def ensure_partitions(
    session: AsyncSession, table: str, column: str, now: dt.datetime
) -> int:
    """Creates the partitions of the current and the next `AHEAD` months that are missing;
    returns how many it created."""
    have = set(await monthly_partitions(session, table))
    created = 0
    for month in months_ahead(now):
        if month in have:
            continue
        stranded = text(
            f'SELECT EXISTS (SELECT 1 FROM "{table}_default"'  # noqa: S608 - names from PARTITIONED
            f' WHERE "{column}" >= :start AND "{column}" < :end)'
        )
        if (await run(session, stranded, {"start": month.start, "end": month.end})).scalar_one():
            await session.commit()
            continue  # see the module's docstring: those rows stay in the default partition
        created += await _briefly(session, create_partition_sql(table, month))
    await session.commit()
    return created


async def drop_expired(session: AsyncSession, table: str, cutoff: dt.datetime) -> int:
    """Detaches and drops each monthly partition of `table` that ends at or before `cutoff`,
    one short transaction each; returns the rows they held. A partition whose lock was not
    granted in time stays for the next run (its rows are then deleted row by row by the
    caller, `drop_then_delete`, in this run)."""
    rows = 0
    for month in await monthly_partitions(session, table):
        if month.end > cutoff:
            break
        name = month.partition(table)
        held = await run(session, text(f'SELECT count(*) FROM "{name}"'))  # noqa: S608
        detach = f'ALTER TABLE "{table}" DETACH PARTITION "{name}"'
        if await _briefly(session, detach, f'DROP TABLE "{name}"'):
            rows += int(held.scalar_one())
    return rows


async def _briefly(session: AsyncSession, *statements: str) -> bool:
    """Runs `statements` in one transaction that waits at most `LOCK_TIMEOUT` for a lock;
    False, with nothing done, when a lock was not granted in time."""
    await session.commit()
    try:
        await run(session, text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
        for statement in statements:
            await run(session, text(statement))
        await session.commit()
    except DBAPIError as error:
        await session.rollback()
        if getattr(error.orig, "sqlstate", None) != "55P03":
            raise
        return False
    return True
