"""The feed through `outbox_reader` hands out exactly the events an audience may see, in order.

Hypothesis draws mixes of events (audiences over a few organizations, types, writers: `emit`,
`emit_many` and raw multi-row SQL, which the reader trigger must serve alike; transactions
finished long ago, the reader's own, and one still running), then pages through the feed of
every audience with random page sizes and type filters. The expectation is computed in Python
from the rows as written, not by another query. Everything happens in one transaction that is
rolled back, so the examples do not see each other.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.db import script_session
from services.common.outbox import emit, emit_many, event_row, read_feed
from services.common.settings import ServiceSettings
from services.common.sql import run
from tests.support.apps import Databases

ORGS = ("a", "b", "c", "all")
TYPES = ("note.created", "note.changed", "case.opened")
RUNNING = 2**62  # a transaction number no finished transaction has: must stay hidden
# finished transactions long ago: below any snapshot's xmin
FINISHED = st.integers(min_value=3, max_value=40)
WHEN = st.one_of(FINISHED, st.just("own"), st.just("running"))
EVENT = st.tuples(
    st.lists(st.sampled_from(ORGS), min_size=1, max_size=3),
    st.sampled_from(TYPES),
    WHEN,
    st.sampled_from(["emit", "emit_many", "sql"]),
)
AUDIENCES = st.lists(st.sampled_from(ORGS), min_size=1, max_size=2, unique=True)


@pytest.fixture(scope="module")
def session(databases: Databases) -> Iterator[tuple[asyncio.AbstractEventLoop, AsyncSession]]:
    loop = asyncio.new_event_loop()
    url = ServiceSettings(database_url=databases.isolated_url("cases")).async_database_url
    opened: AbstractAsyncContextManager[AsyncSession] = script_session(url, app_name="test-feed")
    s = loop.run_until_complete(opened.__aenter__())
    yield loop, s
    loop.run_until_complete(opened.__aexit__(None, None, None))
    loop.close()
    databases.drop_isolated()


async def _write(s: AsyncSession, prefix: str, events: list[tuple[Any, ...]]) -> None:
    """Writes `events` in drawn order; a drawn past or running transaction is set explicitly
    (the column's default is the writing transaction, i.e. the reader's own here)."""
    batch: list[dict[str, Any]] = []
    for no, (audience, type_, when, writer) in enumerate(events):
        orgs = [f"{prefix}{org}" for org in audience]
        if when == "own" and writer != "sql":
            if writer == "emit":
                await emit(s, type_, "hyp", no, orgs)
            else:
                batch.append(event_row(type_, "hyp", no, orgs))
            continue
        if batch:
            await emit_many(s, batch)
            batch = []
        tx = {"own": None, "running": RUNNING}.get(when, when)
        await run(
            s,
            text(
                "INSERT INTO outbox_event (tx_num, type, entity_type, entity_id, audience)"
                " SELECT coalesce(CAST(:tx AS bigint), pg_current_xact_id()::text::bigint),"
                " CAST(:type AS text), kind, CAST(:id AS text), CAST(:audience AS text[])"
                # two events from one statement: the trigger sees both in its transition table
                " FROM (VALUES ('hyp'), ('hyp2')) AS k(kind)"
            ),
            {"tx": tx, "type": type_, "id": str(no), "audience": orgs},
        )
    if batch:
        await emit_many(s, batch)


async def _expected(
    s: AsyncSession, prefix: str, audience: list[str], types: list[str] | None
) -> list[int]:
    own = (await run(s, text("SELECT pg_current_xact_id()::text::bigint"))).scalar_one()
    rows = (
        await run(
            s,
            text(
                "SELECT id, tx_num, audience, type FROM outbox_event"
                " WHERE entity_type IN ('hyp', 'hyp2') AND audience[1] LIKE :p"
            ),
            {"p": f"{prefix}%"},
        )
    ).all()
    wanted = {f"{prefix}{org}" for org in audience}
    seen = [
        (r.tx_num, r.id)
        for r in rows
        if wanted & set(r.audience)
        and (r.tx_num == own or r.tx_num < RUNNING)
        and (not types or r.type in types)
    ]
    return [event_id for _, event_id in sorted(seen)]


async def _paged(
    s: AsyncSession, prefix: str, audience: list[str], types: list[str] | None, limit: int
) -> list[int]:
    ids: list[int] = []
    cursor = None
    for _ in range(200):
        page = await read_feed(s, [f"{prefix}{org}" for org in audience], cursor, limit, types)
        assert len(page.items) <= limit
        if not page.items:
            assert page.next_cursor == cursor  # an empty page keeps the reader's place
            return ids
        ids += [event.id for event in page.items]
        cursor = page.next_cursor
    raise AssertionError("the feed did not end")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=st.lists(EVENT, max_size=25),
    readers=st.lists(
        st.tuples(
            AUDIENCES,
            st.one_of(st.none(), st.lists(st.sampled_from(TYPES), min_size=1, unique=True)),
            st.integers(min_value=1, max_value=6),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_every_audience_pages_through_exactly_its_events_in_order(
    session: tuple[asyncio.AbstractEventLoop, AsyncSession],
    events: list[tuple[Any, ...]],
    readers: list[tuple[list[str], list[str] | None, int]],
) -> None:
    loop, s = session
    prefix = f"{uuid.uuid4().hex[:8]}-"

    async def check() -> None:
        try:
            await _write(s, prefix, events)
            for audience, types, limit in readers:
                expected = await _expected(s, prefix, audience, types)
                assert await _paged(s, prefix, audience, types, limit) == expected
        finally:
            await s.rollback()

    loop.run_until_complete(check())


def test_the_trigger_writes_one_reader_row_per_organization(
    session: tuple[asyncio.AbstractEventLoop, AsyncSession],
) -> None:
    loop, s = session

    async def check() -> None:
        try:
            await emit(s, "note.created", "hyp", 1, ["x-b", "x-a", "x-a"])
            rows = (
                await run(
                    s,
                    text(
                        "SELECT r.org, r.tx_num = e.tx_num AS same_tx FROM outbox_reader r"
                        " JOIN outbox_event e ON e.id = r.event_id"
                        " AND e.occurred_at = r.occurred_at WHERE e.entity_type = 'hyp'"
                        " ORDER BY r.org"
                    ),
                )
            ).all()
            assert [(r.org, r.same_tx) for r in rows] == [("x-a", True), ("x-b", True)]
        finally:
            await s.rollback()

    loop.run_until_complete(check())
