"""Monthly partitions (services/common/partitions.py): the migrations move the rows in and out
with their ids, and retention drops a month wholly past its period while keeping the rest."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator

import asyncpg
import pytest

from services.common.db import script_session
from services.common.migrate import downgrade, upgrade
from services.common.partitions import (
    PARTITIONED,
    Month,
    create_partition_sql,
    drop_expired,
    ensure_partitions,
)
from services.common.retention import Removed, enforce, kept
from services.common.tables import audit_entry
from tests.support.apps import unmigrated_database

# (table, time column, the INSERT of one row at $1)
TABLES = (
    (
        "audit_entry",
        "at",
        "INSERT INTO audit_entry (at, action, entity_type, entity_id) VALUES ($1, 'x', 'x', '1')",
    ),
    (
        "outbox_event",
        "occurred_at",
        "INSERT INTO outbox_event (occurred_at, type, entity_type, entity_id, audience)"
        " VALUES ($1, 'x', 'x', '1', '{o1}')",
    ),
    (
        "access_log",
        "at",
        "INSERT INTO access_log (at, case_id, org_id, actor, actor_org, action)"
        " VALUES ($1, gen_random_uuid(), 'o1', 'u1', 'o1', 'case')",
    ),
)
NOW = dt.datetime.now(dt.UTC)
AGES = (dt.timedelta(days=3 * 365), dt.timedelta(days=70), dt.timedelta(days=35), dt.timedelta())


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _async(url: str) -> str:
    return "postgresql+asyncpg://" + _plain(url).removeprefix("postgresql://")


@pytest.fixture
def scratch() -> Iterator[str]:
    with unmigrated_database("pakt_test_partitions") as url:
        yield url


async def _rows(url: str) -> dict[str, list[tuple[int, dt.datetime]]]:
    conn = await asyncpg.connect(_plain(url))
    try:
        return {
            table: [
                tuple(r)
                for r in await conn.fetch(f'SELECT id, "{col}" FROM {table} ORDER BY id')  # noqa: S608
            ]
            for table, col, _ in TABLES
        }
    finally:
        await conn.close()


async def _fill(url: str) -> None:
    conn = await asyncpg.connect(_plain(url))
    try:
        for _, _, insert in TABLES:
            for age in AGES:
                await conn.execute(insert, NOW - age)
    finally:
        await conn.close()


async def _catalog(url: str, sql: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(_plain(url))
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


def _kind(url: str, table: str) -> str:
    (row,) = asyncio.run(
        _catalog(url, "SELECT relkind::text FROM pg_class WHERE relname = $1", table)
    )
    return str(row["relkind"])


def test_the_migrations_move_rows_in_and_out_with_their_ids(scratch):
    upgrade("cases", scratch, "0004_figures_indexes")
    upgrade("cases", scratch, "0004")  # the common branch, before the partitions
    assert _kind(scratch, "audit_entry") == "r"
    asyncio.run(_fill(scratch))
    before = asyncio.run(_rows(scratch))

    upgrade("cases", scratch)

    assert asyncio.run(_rows(scratch)) == before
    for table, _, insert in TABLES:
        assert _kind(scratch, table) == "p"
        placed = asyncio.run(
            _catalog(scratch, f"SELECT tableoid::regclass::text AS p FROM {table}")  # noqa: S608
        )
        # every month of the old rows got its partition: none waits in the default one
        assert {r["p"] for r in placed} == {Month.of(NOW - a).partition(table) for a in AGES}
        asyncio.run(_catalog(scratch, insert + " RETURNING id", NOW))
    after = asyncio.run(_rows(scratch))
    for table, _, _ in TABLES:
        assert after[table][-1][0] > max(i for i, _ in before[table])  # no id handed out twice

    downgrade("cases", scratch, "0004_figures_indexes")
    downgrade("cases", scratch, "0004")

    assert asyncio.run(_rows(scratch)) == after
    for table, _, insert in TABLES:
        assert _kind(scratch, table) == "r"
        (row,) = asyncio.run(_catalog(scratch, insert + " RETURNING id", NOW))
        assert row["id"] > after[table][-1][0]


async def _retain(url: str, keep: dt.timedelta, now: dt.datetime) -> Removed:
    async with script_session(_async(url), app_name="test") as session:
        (removed,) = await enforce(session, [kept(audit_entry, "at", keep)], batch=2, now=now)
        return removed


def _at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=dt.UTC)


def test_retention_drops_the_months_past_the_period_and_deletes_within_the_last(scratch):
    upgrade("funding", scratch)
    old = [Month(2025, 3), Month(2025, 4), Month(2025, 5)]
    stamps = [
        _at(2025, 3, 10),
        _at(2025, 3, 20),
        _at(2025, 4, 5),
        _at(2025, 4, 25),
        _at(2025, 5, 10),
        _at(2024, 1, 1),  # no partition of its own: the default partition takes it
        NOW,
    ]

    async def arrange() -> None:
        conn = await asyncpg.connect(_plain(scratch))
        try:
            for month in old:
                await conn.execute(create_partition_sql("audit_entry", month))
            for stamp in stamps:
                await conn.execute(TABLES[0][2], stamp)
        finally:
            await conn.close()

    asyncio.run(arrange())
    now = _at(2025, 5, 15)

    # cutoff 2025-04-15: March goes as a partition, 2024's row and April 5 row by row
    removed = asyncio.run(_retain(scratch, now - _at(2025, 4, 15), now))

    assert removed.rows == 4
    # `pakt retention run` names the dropped month on a line of its own
    assert removed.dropped == ("audit_entry_p2025_03",)
    assert removed.lines("funding")[1:] == ["funding  audit_entry_p2025_03   partition dropped"]
    left = asyncio.run(_catalog(scratch, "SELECT at FROM audit_entry ORDER BY at"))
    assert [r["at"] for r in left] == [_at(2025, 4, 25), _at(2025, 5, 10), NOW]
    names = {
        r["relname"]
        for r in asyncio.run(
            _catalog(scratch, "SELECT relname FROM pg_class WHERE relname LIKE 'audit_entry_p%'")
        )
    }
    assert "audit_entry_p2025_03" not in names
    assert {"audit_entry_p2025_04", "audit_entry_p2025_05"} <= names
    # the job also made the coming months' partitions
    assert {Month.of(NOW).next().partition("audit_entry")} <= names


def test_a_month_whose_rows_wait_in_the_default_partition_gets_none(scratch):
    upgrade("funding", scratch)
    later = Month.of(NOW)
    for _ in range(6):
        later = later.next()
    asyncio.run(_catalog(scratch, TABLES[0][2], later.start))  # lands in the default partition

    async def ensure() -> int:
        async with script_session(_async(scratch), app_name="test") as session:
            return await ensure_partitions(session, "audit_entry", "at", later.start)

    assert asyncio.run(ensure()) == 3  # the months after it, not its own
    (row,) = asyncio.run(_catalog(scratch, "SELECT tableoid::regclass::text AS p FROM audit_entry"))
    assert row["p"] == "audit_entry_default"


def test_a_partition_whose_lock_is_not_granted_waits_for_the_next_run(scratch):
    upgrade("funding", scratch)
    expired = Month(2025, 3)
    asyncio.run(_catalog(scratch, create_partition_sql("audit_entry", expired)))
    asyncio.run(_catalog(scratch, TABLES[0][2], _at(2025, 3, 10)))

    async def drop_while_a_reader_holds_the_table() -> tuple[int, int]:
        reader = await asyncpg.connect(_plain(scratch))
        try:
            async with reader.transaction():
                await reader.execute("LOCK TABLE audit_entry IN ACCESS SHARE MODE")
                async with script_session(_async(scratch), app_name="test") as session:
                    blocked = await drop_expired(session, "audit_entry", _at(2025, 5, 1))
            async with script_session(_async(scratch), app_name="test") as session:
                return blocked, await drop_expired(session, "audit_entry", _at(2025, 5, 1))
        finally:
            await reader.close()

    assert asyncio.run(drop_while_a_reader_holds_the_table()) == (0, 1)
    names = asyncio.run(
        _catalog(scratch, "SELECT relname FROM pg_class WHERE relname = 'audit_entry_p2025_03'")
    )
    assert names == []


@pytest.mark.parametrize("service", ["auth", "cases", "funding"])
def test_no_foreign_key_points_at_a_partitioned_table(service, scratch):
    upgrade(service, scratch)
    pointing = asyncio.run(
        _catalog(
            scratch,
            "SELECT conname FROM pg_constraint WHERE contype = 'f'"
            " AND confrelid::regclass::text = ANY($1::text[])",
            list(PARTITIONED),
        )
    )
    assert pointing == []
