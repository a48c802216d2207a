"""Two imports of overlapping files at the same time: every line lands once, and the two
reports together account for each line exactly once (real parallel transactions)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from services.common.sql import run
from tests.common.imports_targets import Target, import_target
from tests.support.apps import Databases
from tests.support.tokens import TokenFactory

LINES = 40
HEADERS = {
    "auth": "ags;name;kind;parent_ags",
    "funding": "ags;name;amount;status;reference_date",
    "cases": "external_id;pseudonym;municipality_ags;opened_on",
}
ROWS = {
    "auth": "08117{n};Testgemeinde {n};municipality;08117",
    "funding": "08117{n};Testgemeinde {n};{n}.000,00;preliminary;31.03.2017",
    "cases": "PAR-{n};GP-{n};08117019;01.0{m}.2026",
}
STORED = {
    "auth": "SELECT count(*) FROM organization WHERE name LIKE 'Testgemeinde%'",
    "funding": "SELECT count(*) FROM planning_frame WHERE name LIKE 'Testgemeinde%'",
    "cases": "SELECT count(*) FROM client_case WHERE external_id LIKE 'PAR-%'",
}


@pytest.fixture(params=["auth", "funding", "cases"])
async def target(
    request: pytest.FixtureRequest, databases: Databases, tokens: TokenFactory
) -> AsyncIterator[Target]:
    try:
        async with import_target(request.param, databases, tokens, isolated=True) as found:
            yield found
    finally:
        databases.drop_isolated()


def _file(name: str, numbers: range) -> bytes:
    rows = [ROWS[name].format(n=900 + i, m=1 + i % 9) for i in numbers]
    return "\r\n".join([HEADERS[name], *rows]).encode("cp1252")


async def test_overlapping_imports_at_once_store_each_line_once(target):
    first, second = range(0, 30), range(10, LINES)  # lines 10..29 are in both files
    responses = await asyncio.gather(
        target.post(_file(target.name, first)), target.post(_file(target.name, second))
    )
    assert [r.status_code for r in responses] == [200, 200], [r.text for r in responses]
    summaries = [r.json()["summary"] for r in responses]
    assert sum(s["created"] for s in summaries) == LINES
    assert sum(s["unchanged"] for s in summaries) == len(range(10, 30))
    assert all(s["updated"] == s["failed"] == 0 for s in summaries)
    async with target.sut.app.state.sessionmaker() as session:
        stored = (await run(session, text(STORED[target.name]))).scalar_one()
    assert stored == LINES
