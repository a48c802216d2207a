"""Reading applications in bulk: the filtered, paginated list and the route history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.pagination import Page, cursor_after, make_page
from services.funding.applications import repository
from services.funding.applications.schemas import (
    ApplicationFilters,
    ApplicationRead,
    TransitionRead,
)
from services.funding.applications.service import get_visible, positions_for


async def list_page(
    session: AsyncSession,
    who: Principal,
    filters: ApplicationFilters,
    cursor: str | None,
    limit: int,
) -> Page[ApplicationRead]:
    """One page of the applications the caller may see, oldest first, with their positions."""
    after = cursor_after(cursor, datetime.fromisoformat, uuid.UUID)
    rows = await repository.list_page(session, who, filters, after, limit + 1)
    page = make_page(
        rows, limit, lambda a: (a.created_at.isoformat(), str(a.id)), ApplicationRead.model_validate
    )
    positions = await repository.positions_of(session, [a.id for a in page.items])
    apps = {a.id: a for a in rows}
    for item in page.items:
        item.positions = positions_for(apps[item.id], who, positions.get(item.id, []))
    return page


async def history(
    session: AsyncSession, who: Principal, application_id: uuid.UUID
) -> list[TransitionRead]:
    """Every step of a visible application's route so far, oldest first (404 if invisible)."""
    app = await get_visible(session, who, application_id)
    return [TransitionRead.model_validate(t) for t in await repository.transitions(session, app.id)]
