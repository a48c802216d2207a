"""Reading applications in bulk: the filtered, paginated list and the route history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.pagination import InvalidCursor, Page, decode_cursor, make_page
from services.funding.applications import repository
from services.funding.applications.models import Application
from services.funding.applications.schemas import (
    ApplicationFilters,
    ApplicationRead,
    PositionRead,
    TransitionRead,
)


def _after(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    if not cursor:
        return None
    created, ident = decode_cursor(cursor, 2)
    try:
        return datetime.fromisoformat(str(created)), uuid.UUID(str(ident))
    except ValueError:
        raise InvalidCursor("The cursor is not one this API issued") from None


async def list_page(
    session: AsyncSession,
    who: Principal,
    filters: ApplicationFilters,
    cursor: str | None,
    limit: int,
) -> Page[ApplicationRead]:
    """One page of the applications the caller may see, oldest first, with their positions."""
    rows = await repository.list_page(session, who, filters, _after(cursor), limit + 1)
    page = make_page(
        rows, limit, lambda a: (a.created_at.isoformat(), str(a.id)), ApplicationRead.model_validate
    )
    positions = await repository.positions_of(session, [a.id for a in page.items])
    for item in page.items:
        item.positions = [PositionRead.model_validate(p) for p in positions.get(item.id, [])]
    return page


async def history(session: AsyncSession, app: Application) -> list[TransitionRead]:
    return [TransitionRead.model_validate(t) for t in await repository.transitions(session, app.id)]
