"""Queries on programmes and rates."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run
from services.funding.orm import load_all, load_first, load_locked
from services.funding.programmes.models import Programme, ProgrammeRate


async def get(session: AsyncSession, programme_id: uuid.UUID) -> Programme | None:
    return await session.get(Programme, programme_id)


async def get_by_name(session: AsyncSession, name: str) -> Programme | None:
    return await load_first(session, Programme, Programme.name == name)


async def list_all(session: AsyncSession) -> Sequence[Programme]:
    stmt = select(Programme).order_by(col(Programme.period_start), col(Programme.id))
    return (await session.exec(stmt)).all()


async def rates(session: AsyncSession, programme_id: uuid.UUID) -> dict[str, ProgrammeRate]:
    rows = await load_all(session, ProgrammeRate, ProgrammeRate.programme_id == programme_id)
    return {r.qualification: r for r in rows}


async def book(session: AsyncSession, programme_id: uuid.UUID, amount: Decimal) -> Decimal | None:
    """Books `amount` atomically; None (nothing booked) if it would exceed the budget.

    The conditional UPDATE takes the programme row's lock, so concurrent approvals queue and
    each re-checks against the committed total.
    """
    stmt = (
        update(Programme)
        .where(col(Programme.id) == programme_id)
        .where(col(Programme.booked_amount) + amount <= col(Programme.total_budget))
        .values(booked_amount=col(Programme.booked_amount) + amount)
        .returning(col(Programme.booked_amount))
    )
    booked: Decimal | None = (await run(session, stmt)).scalar_one_or_none()
    return booked


async def lock(
    session: AsyncSession, programme_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Programme]:
    """The programmes, locked in id order (the first lock of every decision)."""
    in_ids = col(Programme.id).in_(programme_ids)
    return {p.id: p for p in await load_locked(session, Programme, in_ids, order_by=Programme.id)}
