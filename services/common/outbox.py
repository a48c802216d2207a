"""Domain events: written to the outbox with the change, read back as a cursor feed.

The feed orders events by (writing transaction, id) and only hands out events of
transactions that have finished, so an event committed late can never land behind a
reader's cursor: a consumer that stores `next_cursor` misses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy import (
    ARRAY,
    BigInteger,
    Column,
    ColumnElement,
    Select,
    Text,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    text,
    true,
    tuple_,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.appending import append, append_many, append_select_sql
from services.common.auth import CurrentPrincipal, Principal
from services.common.db import SessionDep
from services.common.pagination import Page, cursor_after, encode_cursor, set_link_header
from services.common.problems import problem_responses
from services.common.sql import run
from services.common.tables import outbox_event, outbox_reader

_FINISHED = text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
_OWN_TX = text("pg_current_xact_id_if_assigned()::text::bigint")

AudienceRule = Callable[[Principal], list[str] | None]
"""Which events a caller may see, as organization ids an event's `audience` must name (None:
every event). One per service; the events feed and the webhook subscriptions both apply it."""


def settled(tx_num: Column[int] = outbox_event.c.tx_num) -> ColumnElement[bool]:
    """Events of finished transactions (and the reader's own): none can appear behind them."""
    return or_(tx_num < _FINISHED, tx_num == _OWN_TX)


def visible_to(audience: list[str] | None) -> ColumnElement[bool]:
    """Events an `AudienceRule` result lets its holder see: the feed's scoping, written once."""
    return true() if audience is None else outbox_event.c.audience.overlap(audience)


def event_row(
    type_: str,
    entity_type: str,
    entity_id: object,
    audience: list[str],
    payload: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "type": type_,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "audience": sorted(set(audience)),
        "payload": payload or {},
    }


async def emit(
    session: AsyncSession,
    type_: str,
    entity_type: str,
    entity_id: object,
    audience: list[str],
    payload: dict[str, Any] | None = None,
) -> None:
    """Appends one event in the caller's transaction. Never put personal data in `payload`."""
    await append(session, outbox_event, event_row(type_, entity_type, entity_id, audience, payload))


async def emit_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await append_many(session, outbox_event, rows)


def event_insert_sql(
    source: str, *, type_: str, entity_type: str, entity_id: str, audience: str, payload: str
) -> str:
    """SQL appending one event per row of `source`; each argument is an SQL expression over it.

    Only for a one-statement hot path (a data-modifying CTE run by `fetch_row_direct`, where
    `emit` cannot take part): the table and its columns stay written by this module alone.
    """
    values = {"type": type_, "entity_type": entity_type, "entity_id": entity_id}
    values |= {"audience": audience, "payload": payload}
    return append_select_sql(outbox_event, source, values)


# `<entity>.<what happened>`, e.g. `case.opened`, `application.flagged_for_review`
EventType = Annotated[
    str, StringConstraints(min_length=3, max_length=64, pattern=r"^[a-z_]+\.[a-z_]+$")
]


class Event(BaseModel):
    id: int = Field(
        description="Unique event number (not a position: use the page cursor to resume)"
    )
    type: str = Field(examples=["case.opened"])
    entity_type: str
    entity_id: str
    occurred_at: datetime
    payload: dict[str, Any]


def _position(after: tuple[Any, ...]) -> ColumnElement[Any]:
    """A cursor's (tx_num, id) as bigints (transaction numbers outgrow int4)."""
    return tuple_(*(literal(value, BigInteger) for value in after))


def _feed_of_all(after: tuple[Any, ...] | None, types: list[str] | None, limit: int) -> Select[Any]:
    """Every event in feed order (a caller whose audience rule says None)."""
    e = outbox_event.c
    stmt = select(outbox_event).where(settled())
    if after is not None:
        stmt = stmt.where(tuple_(e.tx_num, e.id) > _position(after))
    if types:
        stmt = stmt.where(e.type.in_(types))
    return stmt.order_by(e.tx_num, e.id).limit(limit)


def _feed_of(
    audience: list[str], after: tuple[Any, ...] | None, types: list[str] | None, limit: int
) -> Select[Any]:
    """The events `audience` may see in feed order, found through `outbox_reader`.

    Per organization of the audience, an ordered range scan of its own reader rows bounded by
    `limit` (an index scan of `pk_outbox_reader` per partition, merged): the cost follows the
    page, not the other organizations' events. An event naming several organizations of the
    audience (auth's own and `all`) is one item.
    """
    r, e = outbox_reader.c, outbox_event.c
    orgs = func.unnest(bindparam("audience", audience, type_=ARRAY(Text)))
    wanted = orgs.table_valued("org").render_derived(name="wanted")
    own = (
        select(r.tx_num, r.event_id, r.occurred_at)
        .where(r.org == wanted.c.org, settled(r.tx_num))
        .order_by(r.tx_num, r.event_id)
        .limit(limit)
    )
    if after is not None:
        own = own.where(tuple_(r.tx_num, r.event_id) > _position(after))
    if types:
        matched = and_(e.id == r.event_id, e.occurred_at == r.occurred_at, e.type.in_(types))
        own = own.where(select(e.id).where(matched).exists())
    rows = own.lateral("own")
    page = (
        select(rows.c.tx_num, rows.c.event_id, rows.c.occurred_at)
        .select_from(wanted)
        .join(rows, true())
        .distinct()
        .order_by(rows.c.tx_num, rows.c.event_id)
        .limit(limit)
        .subquery("page")
    )
    found = and_(e.id == page.c.event_id, e.occurred_at == page.c.occurred_at)
    return select(outbox_event).join(page, found).order_by(e.tx_num, e.id)


async def read_feed(
    session: AsyncSession,
    audience: list[str] | None,
    cursor: str | None,
    limit: int,
    types: list[str] | None = None,
) -> Page[Event]:
    """Events after `cursor` visible to `audience` (None: every event)."""
    after = cursor_after(cursor, int, int)
    if audience is None:
        stmt = _feed_of_all(after, types, limit + 1)
    else:
        stmt = _feed_of(audience, after, types, limit + 1)
    rows = (await run(session, stmt)).all()
    items = [Event.model_validate(r, from_attributes=True) for r in rows[:limit]]
    # the cursor always advances to the last event seen, so an empty page can resume later
    last = rows[min(len(rows), limit) - 1] if rows else None
    next_cursor = encode_cursor(last.tx_num, last.id) if last is not None else cursor
    return Page[Event](items=items, next_cursor=next_cursor)


def events_router(service: str, audience_for: AudienceRule, tag: str = "events") -> APIRouter:
    """`GET /{service}/v1/events`: the caller's slice of the feed."""
    router = APIRouter(tags=[tag])

    @router.get(
        f"/{service}/v1/events",
        response_model=Page[Event],
        responses=problem_responses(400, 401, 422),
        summary="Read the events feed",
        description=(
            "Domain events the caller's organization may see, oldest first. Store `next_cursor` "
            "and pass it back as `cursor` to continue; it is returned even on an empty page, so "
            "a poller can keep it. Events carry ids and states, never personal data."
        ),
    )
    async def list_events(
        request: Request,
        response: Response,
        session: SessionDep,
        principal: CurrentPrincipal,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        cursor: Annotated[str | None, Query(max_length=512)] = None,
        type: Annotated[
            list[EventType] | None,
            Query(max_length=50, description="Only these event types (repeat the parameter)"),
        ] = None,
    ) -> Page[Event]:
        page = await read_feed(session, audience_for(principal), cursor, limit, type)
        if page.items:
            set_link_header(request, response, page.next_cursor)
        return page

    return router
