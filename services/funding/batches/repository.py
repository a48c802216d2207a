"""Set-based statements of decision batches: one round trip per chunk and purpose."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run
from services.funding.applications.models import Application, Transition
from services.funding.batches.models import DecisionBatch, DecisionBatchItem
from services.funding.orm import load_all, load_locked

_DECIDE = text(
    """
    UPDATE application AS a
       SET state = v.state, step = 'closed', granted_amount = v.granted, notice_number = v.notice,
           decided_at = now(), updated_at = now(), version = a.version + 1
      FROM unnest(CAST(:ids AS uuid[]), CAST(:states AS text[]), CAST(:granted AS numeric[]),
                  CAST(:notices AS text[])) AS v(id, state, granted, notice)
     WHERE a.id = v.id
    RETURNING a.id, a.version
    """
)
_NEXTVALS = text("SELECT nextval('decision_notice_number_seq') FROM generate_series(1, :n)")
_BOOK = text(
    "UPDATE programme SET booked_amount = booked_amount + :amount, version = version + 1 "
    "WHERE id = :id"
)


async def lock_applications(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Application]:
    """One SELECT … FOR UPDATE for the chunk, in id order (a fixed lock order avoids deadlocks)."""
    in_ids = col(Application.id).in_(list(ids))
    locked = await load_locked(session, Application, in_ids, order_by=Application.id)
    return {a.id: a for a in locked}


async def programmes_of(ids: Sequence[uuid.UUID], session: AsyncSession) -> list[uuid.UUID]:
    """The programmes the applications belong to (no lock), sorted."""
    stmt = select(Application.programme_id).where(col(Application.id).in_(list(ids))).distinct()
    return sorted((await run(session, stmt)).scalars().all())


async def notice_sequence(session: AsyncSession, n: int) -> list[int]:
    if n == 0:
        return []
    return [int(r[0]) for r in (await run(session, _NEXTVALS, {"n": n})).all()]


async def book(session: AsyncSession, programme_id: uuid.UUID, amount: Decimal) -> None:
    """Books an amount already checked against the locked programme row."""
    await run(session, _BOOK, {"amount": amount, "id": programme_id})


async def decide(
    session: AsyncSession, rows: list[tuple[uuid.UUID, str, Decimal, str]]
) -> dict[uuid.UUID, int]:
    """Applies many decisions in one UPDATE … FROM unnest(...); returns the new versions."""
    if not rows:
        return {}
    ids, states, granted, notices = (list(c) for c in zip(*rows, strict=True))
    result = await run(
        session, _DECIDE, {"ids": ids, "states": states, "granted": granted, "notices": notices}
    )
    return {r.id: r.version for r in result}


async def add_transitions(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    if rows:
        await run(session, insert(Transition), rows)


async def add_batch(
    session: AsyncSession, batch: DecisionBatch, items: list[dict[str, Any]]
) -> None:
    session.add(batch)
    await session.flush()
    for start in range(0, len(items), 2000):
        await run(session, insert(DecisionBatchItem), items[start : start + 2000])
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
