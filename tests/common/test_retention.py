"""Retention: `pakt retention run` removes what outlived its period, in batches, in every
service database, and says per table what it removed; stored responses expire after 24 hours."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import threading
from collections.abc import Iterator

import asyncpg
import pytest
from typer.testing import CliRunner

from services.cli.main import app as pakt
from services.cli.postgres import SERVICES
from services.cli.retention import loop
from services.common.retention import Policy, delete_in_batches, enforce
from services.common.tables import audit_entry
from tests.support.apps import Databases
from tests.support.stack import clean_env

# ages of the rows: beyond every default period, within them, beyond 24 hours
OLD, NEW, DAY_OLD = dt.timedelta(days=4 * 365), dt.timedelta(minutes=1), dt.timedelta(hours=25)


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _fill(url: str, *, with_access_log: bool) -> None:
    """Two rows per table beyond every default period, one within it."""
    conn = await asyncpg.connect(_plain(url))
    try:
        for age in (OLD, OLD, NEW):
            await conn.execute(
                "INSERT INTO audit_entry (at, action, entity_type, entity_id)"
                " VALUES (now() - $1::interval, 'x.changed', 'x', '1')",
                age,
            )
            await conn.execute(
                "INSERT INTO outbox_event (occurred_at, type, entity_type, entity_id, audience)"
                " VALUES (now() - $1::interval, 'x.changed', 'x', '1', '{o1}')",
                age,
            )
            if with_access_log:
                await conn.execute(
                    "INSERT INTO access_log (at, case_id, org_id, actor, actor_org, action)"
                    " VALUES (now() - $1::interval, gen_random_uuid(), 'o1', 'u1', 'o1', 'case')",
                    age,
                )
        for age in (DAY_OLD, DAY_OLD, NEW):
            await conn.execute(
                "INSERT INTO idempotency_record (scope, key, fingerprint, created_at)"
                " VALUES ('o1:u1', gen_random_uuid()::text, 'f', now() - $1::interval)",
                age,
            )
    finally:
        await conn.close()


async def _count(url: str, table: str) -> int:
    conn = await asyncpg.connect(_plain(url))
    try:
        return int(await conn.fetchval(f"SELECT count(*) FROM {table}"))  # noqa: S608
    finally:
        await conn.close()


@pytest.fixture
def isolated(databases: Databases) -> Iterator[dict[str, str]]:
    urls = {service: databases.isolated_url(service) for service in SERVICES}
    yield urls
    databases.drop_isolated()


def test_retention_run_removes_what_outlived_its_period_in_every_database(isolated, monkeypatch):
    # the template may already hold recent rows (seeded by other tests): they must stay
    # outbox_reader: the feed's rows of each event (one per audience entry) go with it
    tables = ("audit_entry", "outbox_event", "outbox_reader", "idempotency_record")
    before = {
        (service, table): asyncio.run(_count(url, table))
        for service, url in isolated.items()
        for table in (*tables, "access_log")
        if table != "access_log" or service == "cases"
    }
    for service, url in isolated.items():
        asyncio.run(_fill(url, with_access_log=service == "cases"))
        monkeypatch.setenv(f"{service.upper()}_DATABASE_URL", url)
        monkeypatch.setenv(f"{service.upper()}_RETENTION_BATCH_SIZE", "1")  # batch after batch

    result = CliRunner().invoke(pakt, ["retention", "run"])

    assert result.exit_code == 0, result.output
    lines = {tuple(line.split()[:2]): line.split()[-1] for line in result.output.splitlines()}
    for service, url in isolated.items():
        for table in tables:
            assert lines[(service, table)] == "2", result.output
            assert asyncio.run(_count(url, table)) == before[(service, table)] + 1
    assert lines[("cases", "access_log")] == "2"
    assert (
        asyncio.run(_count(isolated["cases"], "access_log")) == before[("cases", "access_log")] + 1
    )
    assert lines[("cases", "client_case")] == "0"  # anonymized: none closed long enough
    assert "retention: 26 row(s) removed" in result.output


def test_retention_run_for_one_service_and_shorter_periods(isolated, monkeypatch):
    url = isolated["funding"]
    asyncio.run(_fill(url, with_access_log=False))
    monkeypatch.setenv("FUNDING_DATABASE_URL", url)
    monkeypatch.setenv("FUNDING_IDEMPOTENCY_RETENTION_HOURS", "1000")

    result = CliRunner().invoke(pakt, ["retention", "run", "--service", "funding"])

    assert result.exit_code == 0, result.output
    assert "auth" not in result.output
    assert "cases" not in result.output
    assert "funding idempotency_record deleted 0" in " ".join(result.output.split())
    assert asyncio.run(_count(url, "idempotency_record")) == 3


def test_the_loop_of_make_run_runs_at_start_and_then_every_period(isolated):
    argv, env = loop(1, isolated, clean_env())
    runs = 0
    with subprocess.Popen(  # noqa: S603
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as proc:
        assert proc.stdout is not None
        guard = threading.Timer(120, proc.kill)  # a hanging loop fails the test, not the suite
        guard.start()
        try:
            for line in proc.stdout:
                runs += line.startswith("retention:")
                if runs == 2:
                    break
        finally:
            guard.cancel()
            proc.terminate()
    assert runs == 2


def test_an_unknown_service_is_refused():
    result = CliRunner().invoke(pakt, ["retention", "run", "--service", "billing"])
    assert result.exit_code == 2
    assert "unknown service" in result.output


async def test_removal_is_one_function_per_table(probe):
    """A policy's `remove` decides how rows go (batched deletes now, dropped partitions later)."""
    seen = []

    async def drop_partitions(session, table, column, cutoff, batch):
        seen.append((table.name, column, batch))
        return 7

    policy = Policy(audit_entry, "at", dt.timedelta(days=1), remove=drop_partitions)
    async with probe.session() as session:
        removed = await enforce(session, [policy], batch=10)
    assert [(r.table, r.rows) for r in removed] == [("audit_entry", 7)]
    assert seen == [("audit_entry", "at", 10)]
    assert Policy(audit_entry, "at", dt.timedelta(days=1)).remove is delete_in_batches


async def test_a_stored_response_older_than_its_period_no_longer_replays(probe, tokens):
    headers = {**tokens.headers(roles=[], sub="u1", org="o1"), "Idempotency-Key": "k-expiring"}
    first = await probe.client.post("/probe/v1/notes", json={"text": "hi"}, headers=headers)
    async with probe.session() as session:
        conn = await session.connection()
        await conn.exec_driver_sql(
            "UPDATE idempotency_record SET created_at = now() - interval '25 hours'"
            " WHERE key = 'k-expiring'"
        )
        await session.commit()
    again = await probe.client.post("/probe/v1/notes", json={"text": "hi"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert "idempotent-replayed" not in again.headers
    assert again.json() != first.json()  # it acted afresh: a new note
    replay = await probe.client.post("/probe/v1/notes", json={"text": "hi"}, headers=headers)
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == again.json()
