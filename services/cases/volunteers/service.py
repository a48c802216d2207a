"""Use cases of the volunteer registry and of assignments to cases.

Volunteers are rows of their organization, assignments rows under a case: both go through the
generic row queries of `items` (assignments through `items.service` like every row of a case).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile.service import get_case
from services.cases.errors import InvalidTransition, ItemNotFound
from services.cases.items import repository as rows
from services.cases.items import service as items
from services.cases.models import volunteer, volunteer_assignment
from services.cases.vocab import Field_
from services.cases.volunteers import repository as repo
from services.cases.volunteers.schemas import (
    AssignmentCreate,
    AssignmentRead,
    AssignmentUpdate,
    VolunteerCreate,
    VolunteerRead,
    VolunteerUpdate,
)
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.keyset import BY_CREATED, created_key
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts

ASSIGNMENTS = items.Kind(volunteer_assignment, AssignmentRead, "volunteer_assignments")
NO_SUCH_VOLUNTEER = texts(
    "No such volunteer in your organization",
    "Keine solche ehrenamtliche Person in Ihrer Organisation",
)


def _read(row: Any) -> VolunteerRead:
    return VolunteerRead.model_validate(row, from_attributes=True)


async def _announce(
    session: AsyncSession,
    who: Principal,
    event: str,
    row: Any,
    details: dict[str, Any] | None = None,
    **said: Any,
) -> None:
    await record_audit(session, who, event, "volunteer", row.id, details)
    await emit(session, event, "volunteer", row.id, [who.org], {"id": str(row.id), **said})


async def register(session: AsyncSession, who: Principal, body: VolunteerCreate) -> VolunteerRead:
    """Adds a volunteer to the caller's organization."""
    row = await rows.add(session, volunteer, {**body.model_dump(), "org_id": who.org})
    await _announce(session, who, "volunteer.registered", row)
    return _read(row)


async def read(session: AsyncSession, who: Principal, volunteer_id: uuid.UUID) -> VolunteerRead:
    """A volunteer of the caller's organization (404 otherwise)."""
    row = await rows.get(session, volunteer, volunteer_id, repo.of_org(who.org))
    if row is None:
        raise ItemNotFound(NO_SUCH_VOLUNTEER)
    return _read(row)


async def change(
    session: AsyncSession,
    who: Principal,
    volunteer_id: uuid.UUID,
    if_match: str | None,
    body: VolunteerUpdate,
) -> VolunteerRead:
    """Changes a volunteer under If-Match; `active: false` retires them."""
    await items.locked(
        session, volunteer, volunteer_id, repo.of_org(who.org), if_match, NO_SUCH_VOLUNTEER
    )
    changes = body.model_dump(exclude_unset=True)
    items.refuse_nulls(volunteer, changes)
    row = await rows.change(session, volunteer, volunteer_id, changes)
    details = {"fields": sorted(changes)}
    await _announce(session, who, "volunteer.changed", row, details, active=row.active)
    return _read(row)


async def list_volunteers(
    session: AsyncSession,
    who: Principal,
    page: PageParams,
    active: bool | None,
    field: Field_ | None,
) -> Page[VolunteerRead]:
    """The organization's volunteers, oldest first, optionally only (in)active or by field."""
    after = cursor_after(page.cursor, *BY_CREATED)
    filters = repo.volunteer_filters(active, field)
    found = await rows.page(
        session, volunteer, repo.of_org(who.org), limit=page.limit, after=after, filters=filters
    )
    return make_page(found, page.limit, key=created_key, to_item=_read)


async def assign(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: AssignmentCreate
) -> AssignmentRead:
    """Assigns an active volunteer of the organization to the caller's case."""
    await get_case(session, who, case_id)  # a case out of reach is 404 whatever the volunteer
    helper = await rows.get(session, volunteer, body.volunteer_id, repo.of_org(who.org))
    if helper is None:
        raise ItemNotFound(NO_SUCH_VOLUNTEER)
    if not helper.active:
        raise InvalidTransition(
            texts(
                "This volunteer is inactive",
                "Diese ehrenamtliche Person ist nicht aktiv",
            )
        )
    payload = {"volunteer_id": str(body.volunteer_id), "field": body.field}
    return await items.add(
        session, who, ASSIGNMENTS, case_id, body.model_dump(), "volunteer.assigned", payload
    )


async def change_assignment(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: AssignmentUpdate,
) -> AssignmentRead:
    """Ends (`ended_on`) or annotates an assignment under If-Match."""
    changes = body.model_dump(exclude_unset=True)
    event = "volunteer.unassigned" if changes.get("ended_on") else "volunteer.assignment_changed"
    return await items.change(session, who, ASSIGNMENTS, case_id, item_id, if_match, changes, event)
