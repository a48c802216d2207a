"""A subscription queues exactly the events its organization's feed shows it, of its types.

The property: for random events (audiences, types) and a random subscriber (its feed audience,
or none for the platform's admin, and its types or `*`), `store.fan_out` queues the same events
that `read_feed` hands that audience from the subscription's start, in the feed's order. Each
example runs in one transaction that is rolled back (the outbox counts the reader's own
transaction as settled), so nothing waits for other databases' transactions.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from services.common.db import make_engine, make_sessionmaker
from services.common.outbox import emit_many, event_row, read_feed
from services.common.pagination import encode_cursor
from services.common.sql import run
from services.common.tables import outbox_event, webhook_delivery
from services.common.webhooks import store
from tests.support.apps import Databases

ORGS = ["org-a", "org-b", "org-c", "all"]
TYPES = ["case.opened", "case.closed", "user.created", "webhook.test"]

events = st.lists(
    st.tuples(st.sampled_from(TYPES), st.lists(st.sampled_from(ORGS), min_size=1, max_size=3)),
    max_size=25,
)
audiences = st.one_of(st.none(), st.lists(st.sampled_from(ORGS), min_size=1, max_size=2))
wanted = st.one_of(st.just(["*"]), st.lists(st.sampled_from(TYPES), min_size=1, max_size=3))


async def _example(url: str, made: list[tuple[str, list[str]]], audience: Any, types: Any) -> None:
    engine = make_engine(url, app_name="test-webhook-scoping", pool_size=1)
    try:
        async with make_sessionmaker(engine)() as session:
            start = await store.horizon(session) - 1
            values = {
                "id": uuid.uuid4(), "organization_id": "org-a", "audience": audience,
                "url": "https://hooks.example.org/x", "event_types": types, "secret": "whsec_AA==",
                "after_tx": start, "after_id": 2**63 - 1,
            }  # fmt: skip
            sub = await store.insert_subscription(session, values)
            own_test = event_row("webhook.test", "webhook_subscription", sub.id, ["org-a"])
            rows = [event_row(t, "note", i, aud) for i, (t, aud) in enumerate(made)]
            await emit_many(session, [*rows, own_test])
            own_test_id = await run(session, select(func.max(outbox_event.c.id)))
            current: Any = sub
            while await store.fan_out(session, current):  # until the cursor reached the end
                current = await store.find(session, sub.id, "org-a")
            queued = await run(
                session,
                select(webhook_delivery.c.event_id)
                .where(webhook_delivery.c.subscription_id == sub.id)
                .order_by(webhook_delivery.c.event_tx, webhook_delivery.c.event_id),
            )
            got = [r.event_id for r in queued]
            feed = await read_feed(session, audience, encode_cursor(start, 2**63 - 1), 500)
            expected = [
                e.id for e in feed.items
                if (e.type != "webhook.test" and ("*" in types or e.type in types))
                or (e.type == "webhook.test" and e.entity_id == str(sub.id))
            ]  # fmt: skip
            assert got == expected
            sees_own_org = audience is None or "org-a" in audience
            assert (own_test_id.scalar_one() in got) == sees_own_org
            assert len(got) == len(set(got))
            await session.rollback()
    finally:
        await engine.dispose()


def test_a_subscription_gets_what_the_feed_shows_its_audience(databases: Databases) -> None:
    url = databases.isolated_url("cases").replace("postgresql://", "postgresql+asyncpg://")

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(made=events, audience=audiences, types=wanted)
    def check(made: list[tuple[str, list[str]]], audience: Any, types: Any) -> None:
        asyncio.run(_example(url, made, audience, types))

    check()
