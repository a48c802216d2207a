"""Set-based statements of decision batches: one round trip per chunk and purpose."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ARRAY, Uuid, any_, cast, text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import audit_insert_sql
from services.common.auth import Principal
from services.common.context import current_request_id
from services.common.outbox import event_insert_sql
from services.common.sql import run
from services.funding.applications.models import Application
from services.funding.batches.models import DecisionBatch, DecisionBatchItem
from services.funding.orm import load_all, load_locked

_DECISION_COLUMNS = {
    "id": "uuid",
    "from_state": "text",
    "to_state": "text",
    "action": "text",
    "granted": "numeric",
    "granted_text": "text",
    "notice": "text",
    "comment": "text",
    "audience": "text",
    "programme_id": "text",
}
_DECISIONS = ", ".join(f"CAST(:{c} AS {t}[])" for c, t in _DECISION_COLUMNS.items())
_DECISION_FIELDS = (
    "'granted_amount', v.granted_text, 'notice_number', v.notice, 'batch_id', CAST(:batch AS text)"
)
_AUDITED = audit_insert_sql(
    "v",
    actor="CAST(:actor AS text)",
    actor_org="CAST(:actor_org AS text)",
    action="'application.' || v.action",
    entity_type="'application'",
    entity_id="CAST(v.id AS text)",
    request_id="CAST(:request_id AS text)",
    details="jsonb_build_object('from', v.from_state, 'to', v.to_state, "
    f"{_DECISION_FIELDS}, 'comment', v.comment)",
)
_EMITTED = event_insert_sql(
    "v",
    type_="'application.decided'",
    entity_type="'application'",
    entity_id="CAST(v.id AS text)",
    audience="string_to_array(v.audience, ',')",
    payload="jsonb_build_object('state', v.to_state, 'step', 'closed', "
    f"'programme_id', v.programme_id, {_DECISION_FIELDS})",
)
_DECIDE = text(
    f"""
    WITH v AS (SELECT * FROM unnest({_DECISIONS}) AS v({", ".join(_DECISION_COLUMNS)})),
    decided AS (
        UPDATE application AS a
           SET state = v.to_state, step = 'closed', granted_amount = v.granted,
               notice_number = v.notice, decided_at = now(), updated_at = now(),
               version = a.version + 1
          FROM v WHERE a.id = v.id
        RETURNING a.id),
    moved AS (
        INSERT INTO application_transition (application_id, action, from_state, to_state, actor,
                                            actor_org, comment, granted_amount, notice_number,
                                            batch_id)
        SELECT v.id, v.action, v.from_state, v.to_state, :actor, :actor_org, v.comment,
               v.granted, v.notice, CAST(:batch AS uuid)
        FROM v),
    audited AS ({_AUDITED}),
    emitted AS ({_EMITTED})
    SELECT count(*) FROM decided
    """  # noqa: S608 - built from constants; every value is a parameter
)
"""A chunk's decisions in one statement: the applications, their transitions, one audit entry
and one `application.decided` event each (the SQL of common's audit and outbox modules).
Columns travel as arrays, so the statement has a dozen parameters whatever the chunk's size."""
_ITEM_COLUMNS = {
    "ordinal": "int",
    "application_id": "uuid",
    "decision": "text",
    "outcome": "text",
    "state": "text",
    "granted_amount": "numeric",
    "notice_number": "text",
    "problem": "jsonb",
}
_ITEM_ARRAYS = ", ".join(f"CAST(:{c} AS {t}[])" for c, t in _ITEM_COLUMNS.items())
_ADD_ITEMS = text(
    f"INSERT INTO decision_batch_item (batch_id, {', '.join(_ITEM_COLUMNS)})"  # noqa: S608
    f" SELECT CAST(:batch_id AS uuid), * FROM unnest({_ITEM_ARRAYS})"
)
"""Every item's result in one statement, whatever the batch's size (arrays, not rows)."""
_NEXTVALS = text("SELECT nextval('decision_notice_number_seq') FROM generate_series(1, :n)")
_BOOK = text(
    "UPDATE programme SET booked_amount = booked_amount + :amount, version = version + 1 "
    "WHERE id = :id"
)


async def lock_applications(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Application]:
    """One SELECT … FOR UPDATE for the chunk, in id order (a fixed lock order avoids deadlocks)."""
    in_ids = col(Application.id) == any_(cast(list(ids), ARRAY(Uuid)))  # one array parameter
    locked = await load_locked(session, Application, in_ids, order_by=Application.id)
    return {a.id: a for a in locked}


async def programmes_of(ids: Sequence[uuid.UUID], session: AsyncSession) -> list[uuid.UUID]:
    """The programmes the applications belong to (no lock), sorted."""
    in_ids = col(Application.id) == any_(cast(list(ids), ARRAY(Uuid)))
    stmt = select(Application.programme_id).where(in_ids).distinct()
    return sorted((await run(session, stmt)).scalars().all())


async def notice_sequence(session: AsyncSession, n: int) -> list[int]:
    if n == 0:
        return []
    return [int(r[0]) for r in (await run(session, _NEXTVALS, {"n": n})).all()]


async def book(session: AsyncSession, programme_id: uuid.UUID, amount: Decimal) -> None:
    """Books an amount already checked against the locked programme row."""
    await run(session, _BOOK, {"amount": amount, "id": programme_id})


async def decide(
    session: AsyncSession, who: Principal, batch_id: uuid.UUID, rows: list[dict[str, Any]]
) -> int:
    """Applies a chunk's decisions with their transitions, audit entries and events (rows:
    the keys of `_DECISION_COLUMNS`); returns how many applications changed."""
    if not rows:
        return 0
    params: dict[str, Any] = {c: [r[c] for r in rows] for c in _DECISION_COLUMNS}
    params |= {"actor": who.subject, "actor_org": who.org, "batch": str(batch_id)}
    params["request_id"] = current_request_id()
    return int((await run(session, _DECIDE, params)).scalar_one())


async def add_batch(
    session: AsyncSession, batch: DecisionBatch, items: list[dict[str, Any]]
) -> None:
    session.add(batch)
    await session.flush()
    if items:
        params: dict[str, Any] = {c: [i[c] for i in items] for c in _ITEM_COLUMNS}
        params["problem"] = [json.dumps(p) if p is not None else None for p in params["problem"]]
        await run(session, _ADD_ITEMS, {"batch_id": str(batch.id), **params})
    await session.refresh(batch)


async def get(session: AsyncSession, batch_id: uuid.UUID) -> DecisionBatch | None:
    return await session.get(DecisionBatch, batch_id)


async def items(session: AsyncSession, batch_id: uuid.UUID) -> Sequence[DecisionBatchItem]:
    return await load_all(
        session,
        DecisionBatchItem,
        DecisionBatchItem.batch_id == batch_id,
        order_by=DecisionBatchItem.ordinal,
    )
