"""Real parallel transactions on an isolated database: numbers never collide, no lost revisions."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import asyncpg
import pytest
from typer.testing import CliRunner

from services.cases.app import create_app
from services.cases.cli import commands
from services.cases.seed import GOEPPINGEN, seed
from services.cases.settings import CasesSettings
from tests.cases.conftest import CASE_WORKER, open_case, with_person
from tests.support.apps import Databases, ServiceUnderTest, running_service

pytestmark = pytest.mark.isolated_db


@pytest.fixture
async def iso(databases: Databases, tokens) -> AsyncIterator[ServiceUnderTest]:
    url = databases.isolated_url("cases")
    settings = CasesSettings(database_url=url, log_json=True, db_pool_size=20)
    try:
        async with running_service(create_app, settings, tokens, isolated=True) as sut:
            sut.app.state.database_url = url
            yield sut
    finally:
        databases.drop_isolated()


async def test_parallel_creates_get_distinct_consecutive_references(iso):
    headers = CASE_WORKER.headers(iso.tokens)
    body = {"pseudonym": "GP-Parallel", "municipality_ags": "08117019", "opened_on": "2026-05-05"}
    responses = await asyncio.gather(
        *(iso.client.post("/cases/v1/cases", json=body, headers=headers) for _ in range(30))
    )
    assert {r.status_code for r in responses} == {201}, [
        r.text for r in responses if r.status_code != 201
    ]
    numbers = sorted(int(r.json()["reference"].split("-")[1]) for r in responses)
    assert numbers == list(range(1, 31))


async def test_parallel_case_reads_without_a_session_each_commit_their_access_log_row(iso):
    """The case GET runs its one statement on a pooled connection without a session: every
    read's access-log row is committed (seen from another connection) when the answer leaves,
    and the connections go back to the pool (more reads than the pool holds, in parallel)."""
    case = await with_person(iso)
    url = f"/cases/v1/cases/{case['id']}"
    headers = CASE_WORKER.headers(iso.tokens)
    dsn = iso.app.state.database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:

        async def logged() -> int:
            return int(
                await conn.fetchval(
                    "SELECT count(*) FROM access_log WHERE case_id = $1 AND action = 'case'",
                    case["id"],
                )
            )

        before = await logged()
        reads = await asyncio.gather(*(iso.client.get(url, headers=headers) for _ in range(60)))
        assert {r.status_code for r in reads} == {200}
        assert {r.json()["person"]["name"] for r in reads} == {case["person"]["name"]}
        assert {r.headers["etag"] for r in reads} == {f'"{case["version"]}"'}
        assert await logged() == before + 60
        one = await iso.client.get(url, headers=headers)
        assert one.status_code == 200
        assert await logged() == before + 61  # committed before the answer, not at some later point
    finally:
        await conn.close()


async def test_parallel_revisions_of_one_plan_let_exactly_one_win(iso):
    case = await open_case(iso)
    url = f"/cases/v1/cases/{case['id']}/plan/versions"
    headers = CASE_WORKER.headers(iso.tokens)
    assert (await iso.client.post(url, json={"goals": []}, headers=headers)).status_code == 201
    responses = await asyncio.gather(
        *(
            iso.client.post(
                url, json={"change_note": f"review {i}"}, headers={**headers, "If-Match": '"1"'}
            )
            for i in range(8)
        )
    )
    assert sorted(r.status_code for r in responses) == [201] + [412] * 7
    listed = await iso.client.get(url, headers=headers)
    assert [v["number"] for v in listed.json()["items"]] == [1, 2]


async def test_parallel_identical_imports_create_each_case_once(iso):
    lines = "\n".join(
        json.dumps(
            {
                "external_id": f"P-{i}",
                "pseudonym": "p",
                "municipality_ags": "08117019",
                "opened_on": "2026-01-02",
            }
        )
        for i in range(50)
    )
    headers = CASE_WORKER.headers(iso.tokens, **{"Content-Type": "application/x-ndjson"})
    responses = await asyncio.gather(
        *(
            iso.client.post("/cases/v1/case-imports", content=lines, headers=headers)
            for _ in range(3)
        )
    )
    assert {r.status_code for r in responses} == {200}
    created = sum(r.json()["summary"]["created"] for r in responses)
    unchanged = sum(r.json()["summary"]["unchanged"] for r in responses)
    assert (created, unchanged) == (50, 100), [r.json()["summary"] for r in responses]


async def test_seed_is_idempotent_and_cli_anonymizes(iso, monkeypatch):
    url = iso.app.state.database_url
    first = await seed(url)
    second = await seed(url)
    assert "3 demo case(s) created" in first[0]
    assert "0 demo case(s) created" in second[0]
    monkeypatch.setenv("CASES_DATABASE_URL", url)
    monkeypatch.setenv("CASES_RETENTION_DAYS", "0")
    result = await asyncio.to_thread(CliRunner().invoke, commands, ["cases", "anonymize"])
    assert result.exit_code == 0, result.output
    assert "anonymized 0 case(s) closed more than 0 days ago" in result.output
    assert GOEPPINGEN
