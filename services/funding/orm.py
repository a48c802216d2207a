"""How funding's repositories load their ORM objects: one statement shape, one helper each.

Funding keeps SQLModel objects for its aggregates (`session.get`, `session.add`, and these
loads); every Core statement (insert, update, delete, column selects, text) goes through
`services.common.sql.run` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement
from sqlmodel import SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession

M = TypeVar("M", bound=SQLModel)
Condition = ColumnElement[bool] | bool


async def load_all(
    session: AsyncSession, model: type[M], *where: Condition, order_by: Any = None
) -> Sequence[M]:
    """Every `model` row meeting all of `where`, in `order_by` order when given."""
    stmt = select(model).where(*where)
    if order_by is not None:
        stmt = stmt.order_by(order_by)
    return (await session.exec(stmt)).all()


async def load_locked(
    session: AsyncSession, model: type[M], *where: Condition, order_by: Any
) -> Sequence[M]:
    """Like `load_all`, locking the rows (`FOR UPDATE`) in `order_by` order, so concurrent
    lockers queue in the same order; the objects are refreshed from the locked rows, since a
    locked read must not return the state an earlier read left in the session."""
    stmt = (
        select(model)
        .where(*where)
        .order_by(order_by)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.exec(stmt)).all()


async def load_first(session: AsyncSession, model: type[M], *where: Condition) -> M | None:
    """The `model` row meeting all of `where` (callers filter on a unique key), or None."""
    return (await session.exec(select(model).where(*where))).first()
