"""Queries on programmes and rates."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.funding.programmes.models import Programme, ProgrammeRate


async def get(session: AsyncSession, programme_id: uuid.UUID) -> Programme | None:
    return await session.get(Programme, programme_id)


async def get_by_name(session: AsyncSession, name: str) -> Programme | None:
    return (await session.exec(select(Programme).where(Programme.name == name))).first()


async def list_all(session: AsyncSession) -> Sequence[Programme]:
    return (
        await session.exec(
            select(Programme).order_by(col(Programme.period_start), col(Programme.id))
        )
    ).all()


async def rates(session: AsyncSession, programme_id: uuid.UUID) -> dict[str, ProgrammeRate]:
    rows = (
        await session.exec(select(ProgrammeRate).where(ProgrammeRate.programme_id == programme_id))
    ).all()
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
    return (await session.exec(stmt)).scalar_one_or_none()


async def lock(
    session: AsyncSession, programme_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Programme]:
    stmt = (
        select(Programme)
        .where(col(Programme.id).in_(programme_ids))
        .order_by(col(Programme.id))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {p.id: p for p in (await session.exec(stmt)).all()}
