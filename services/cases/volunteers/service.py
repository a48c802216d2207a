"""Use cases of the volunteer registry and of assignments to cases."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.contacts import service as contacts
from services.cases.errors import InvalidTransition, ItemNotFound
from services.cases.models import volunteer_assignment
from services.cases.volunteers import repository as repo
from services.cases.volunteers.schemas import (
    AssignmentCreate,
    AssignmentUpdate,
    VolunteerCreate,
    VolunteerUpdate,
)
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit


async def register(session: AsyncSession, who: Principal, body: VolunteerCreate) -> Row[Any]:
    row = await repo.add(session, {**body.model_dump(), "org_id": who.org})
    await record_audit(session, who, "volunteer.registered", "volunteer", row.id)
    await emit(session, "volunteer.registered", "volunteer", row.id, [who.org], {"id": str(row.id)})
    return row


async def change(
    session: AsyncSession,
    who: Principal,
    volunteer_id: uuid.UUID,
    if_match: str | None,
    body: VolunteerUpdate,
) -> Row[Any]:
    current = await repo.get(session, who.org, volunteer_id, lock=True)
    if current is None:
        raise ItemNotFound("No such volunteer in your organization")
    check_if_match(if_match, current.version)
    changes = body.model_dump(exclude_unset=True)
    for key in ("display_name", "languages", "fields", "active"):
        if key in changes and changes[key] is None:
            raise InvalidTransition(f"{key} cannot be null")
    row = await repo.change(session, volunteer_id, changes)
    await record_audit(
        session, who, "volunteer.changed", "volunteer", row.id, {"fields": sorted(changes)}
    )
    await emit(
        session,
        "volunteer.changed",
        "volunteer",
        row.id,
        [who.org],
        {"id": str(row.id), "active": row.active},
    )
    return row


async def assign(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: AssignmentCreate
) -> Row[Any]:
    helper = await repo.get(session, who.org, body.volunteer_id)
    if helper is None:
        raise ItemNotFound("No such volunteer in your organization")
    if not helper.active:
        raise InvalidTransition("This volunteer is inactive")
    payload = {"volunteer_id": str(body.volunteer_id), "field": body.field}
    return await contacts.add_item(
        session,
        who,
        volunteer_assignment,
        case_id,
        body.model_dump(),
        "volunteer.assigned",
        payload,
    )


async def change_assignment(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: AssignmentUpdate,
) -> Row[Any]:
    changes = body.model_dump(exclude_unset=True)
    event = "volunteer.unassigned" if changes.get("ended_on") else "volunteer.assignment_changed"
    return await contacts.change_item(
        session, who, volunteer_assignment, case_id, item_id, if_match, changes, event
    )
