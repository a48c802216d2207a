"""The rows of webhooks: subscriptions, deliveries (one per subscription and event), attempts.

The only writer of those three tables. A subscription's cursor (`after_tx`, `after_id`) is a
position in its service's outbox in the feed's order; the worker holding its lease moves
events past the cursor into `webhook_delivery` and delivers the pending ones in that order.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    and_,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.keyset import keyset
from services.common.outbox import settled, visible_to
from services.common.sql import run
from services.common.tables import (
    outbox_event,
    webhook_attempt,
    webhook_delivery,
    webhook_subscription,
)

TEST_EVENT = "webhook.test"
"""Sent by `POST .../{id}/test`: reaches only the subscription it names, whatever its types."""
ALL_TYPES = "*"
SCAN_BATCH = 500
sub = webhook_subscription


async def horizon(session: AsyncSession) -> int:
    """The transaction number below which every outbox event is settled: a new subscription
    starts here, so it receives every event committed after it was made."""
    value = await run(
        session, select(text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
    )
    return int(value.scalar_one())


async def insert_subscription(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    stmt = insert(sub).values(**values).returning(sub)
    return (await run(session, stmt)).one()


async def find(
    session: AsyncSession, subscription_id: uuid.UUID, organization_id: str, *, lock: bool = False
) -> Row[Any] | None:
    stmt = select(sub).where(sub.c.id == subscription_id, sub.c.organization_id == organization_id)
    return (await run(session, stmt.with_for_update() if lock else stmt)).one_or_none()


async def page(
    session: AsyncSession, organization_id: str, after: tuple[Any, ...] | None, limit: int
) -> list[Row[Any]]:
    stmt = select(sub).where(sub.c.organization_id == organization_id)
    stmt = keyset(stmt, [sub.c.created_at, sub.c.id], after, limit)
    return list((await run(session, stmt)).all())


async def change(
    session: AsyncSession, subscription_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    stmt = (
        update(sub)
        .where(sub.c.id == subscription_id)
        .values(**values, version=sub.c.version + 1, updated_at=func.now())
        .returning(sub)
    )
    return (await run(session, stmt)).one()


async def remove(session: AsyncSession, subscription_id: uuid.UUID) -> None:
    await run(session, delete(sub).where(sub.c.id == subscription_id))


async def repend(
    session: AsyncSession,
    subscription_id: uuid.UUID,
    event_id: int | None,
    since: dt.datetime | None,
) -> int:
    """Puts finished deliveries back in the queue (redelivery); returns how many."""
    d = webhook_delivery
    which = d.c.event_id == event_id if event_id is not None else d.c.created_at >= since
    stmt = (
        update(d)
        .where(d.c.subscription_id == subscription_id, d.c.state != "pending", which)
        .values(state="pending", attempts=0, next_attempt_at=func.now())
    )
    return int((await run(session, stmt)).rowcount)


async def attempts(
    session: AsyncSession, subscription_id: uuid.UUID, after: tuple[Any, ...] | None, limit: int
) -> list[Row[Any]]:
    a, d = webhook_attempt, webhook_delivery
    stmt = (
        select(a, d.c.event_id, d.c.event_type)
        .join(d, d.c.id == a.c.delivery_id)
        .where(a.c.subscription_id == subscription_id)
    )
    return list((await run(session, keyset(stmt, [a.c.id], after, limit, descending=True))).all())


# --- the worker's side -----------------------------------------------------------------------


async def claim(
    session: AsyncSession, owner: str, lease_seconds: float, limit: int
) -> list[Row[Any]]:
    """Leases up to `limit` active subscriptions with work (new events, due deliveries) that
    nobody holds (or whose holder's lease ran out).

    SKIP LOCKED: workers running the same statement take disjoint sets and never wait.
    """
    free = (
        select(sub.c.id)
        .where(
            sub.c.state == "active",
            or_(sub.c.lease_until.is_(None), sub.c.lease_until < func.now()),
            or_(_has_new_events(), _has_due_deliveries()),
        )
        .order_by(sub.c.lease_until.nulls_first())
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    stmt = (
        update(sub)
        .where(sub.c.id.in_(free.scalar_subquery()))
        .values(lease_owner=owner, lease_until=_lease_end(lease_seconds))
        .returning(sub)
    )
    return list((await run(session, stmt)).all())


def _has_new_events() -> ColumnElement[bool]:
    """Settled events after the subscription's cursor (any type: looking moves the cursor)."""
    e = outbox_event.c
    after = tuple_(e.tx_num, e.id) > tuple_(sub.c.after_tx, sub.c.after_id)
    return select(e.id).where(settled(), after).limit(1).exists()


def _has_due_deliveries() -> ColumnElement[bool]:
    d = webhook_delivery.c
    due = (d.subscription_id == sub.c.id, d.state == "pending", d.next_attempt_at <= func.now())
    return select(d.id).where(*due).limit(1).exists()


def _lease_end(seconds: float) -> ColumnElement[Any]:
    return func.now() + func.make_interval(0, 0, 0, 0, 0, 0, literal(seconds))


async def renew(
    session: AsyncSession, subscription_id: uuid.UUID, owner: str, lease_seconds: float
) -> Row[Any] | None:
    """Extends the lease if `owner` still holds it; the row as it is now (None: lease lost, or
    the subscription deleted)."""
    stmt = (
        update(sub)
        .where(sub.c.id == subscription_id, sub.c.lease_owner == owner)
        .values(lease_until=_lease_end(lease_seconds))
        .returning(sub)
    )
    return (await run(session, stmt)).one_or_none()


async def release(session: AsyncSession, subscription_id: uuid.UUID, owner: str) -> None:
    stmt = (
        update(sub)
        .where(sub.c.id == subscription_id, sub.c.lease_owner == owner)
        .values(lease_owner=None, lease_until=None)
    )
    await run(session, stmt)


def _wanted(row: Row[Any]) -> ColumnElement[bool]:
    """The events a subscription takes: its types within its audience, and its own tests."""
    e = outbox_event.c
    types = e.type != TEST_EVENT
    if ALL_TYPES not in row.event_types:
        types = and_(types, e.type.in_(list(row.event_types)))
    own_test = and_(e.type == TEST_EVENT, e.entity_id == str(row.id))
    return and_(visible_to(row.audience), or_(types, own_test))


async def fan_out(session: AsyncSession, row: Row[Any]) -> int:
    """Queues the settled events after the cursor that the subscription takes, moves the
    cursor past every event looked at; one statement's snapshot, so nothing slips behind."""
    e = outbox_event.c
    scan = (
        select(e.id, e.tx_num, e.type, _wanted(row).label("wanted"))
        .where(settled(), tuple_(e.tx_num, e.id) > tuple_(row.after_tx, row.after_id))
        .order_by(e.tx_num, e.id)
        .limit(SCAN_BATCH)
    )
    events = (await run(session, scan)).all()
    if not events:
        return 0
    queued = [
        {"subscription_id": row.id, "event_id": x.id, "event_tx": x.tx_num, "event_type": x.type}
        for x in events
        if x.wanted
    ]
    if queued:
        stmt = pg_insert(webhook_delivery).on_conflict_do_nothing()
        await run(session, stmt, queued)
    last = events[-1]
    cursor = {"after_tx": last.tx_num, "after_id": last.id}
    await run(session, update(sub).where(sub.c.id == row.id).values(**cursor))
    return len(queued)


async def due(session: AsyncSession, subscription_id: uuid.UUID, limit: int) -> list[Row[Any]]:
    """The oldest pending deliveries with their events (None columns: the event is gone), in
    outbox order; `now` is the database's clock, to tell which are due."""
    d, e = webhook_delivery.c, outbox_event.c
    stmt = (
        select(
            webhook_delivery,
            func.now().label("now"),
            e.type.label("type"),
            e.entity_type,
            e.entity_id,
            e.occurred_at,
            e.payload,
        )
        .outerjoin(outbox_event, e.id == d.event_id)
        .where(d.subscription_id == subscription_id, d.state == "pending")
        .order_by(d.event_tx, d.event_id)
        .limit(limit)
    )
    return list((await run(session, stmt)).all())


async def record(
    session: AsyncSession,
    delivery: Row[Any],
    attempt: dict[str, Any],
    state: str,
    next_at: dt.datetime | None,
) -> None:
    """One attempt in the log, and the delivery's new state."""
    values: dict[str, Any] = {"state": state, "attempts": delivery.attempts + 1}
    if next_at is not None:
        values["next_attempt_at"] = next_at
    await run(
        session,
        update(webhook_delivery).where(webhook_delivery.c.id == delivery.id).values(**values),
    )
    row = {"delivery_id": delivery.id, "subscription_id": delivery.subscription_id, **attempt}
    await run(session, insert(webhook_attempt).values(**row, next_retry_at=next_at))
