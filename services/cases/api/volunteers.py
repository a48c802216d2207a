"""/cases/v1/volunteers and /cases/v1/cases/{case_id}/volunteer-assignments."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.cases.api.items import item_routes
from services.cases.api.scope import InCase, InOrg, NewInCase, NewInOrg
from services.cases.vocab import Field_
from services.cases.volunteers import schemas, service
from services.common.concurrency import IfMatchHeader
from services.common.pagination import Page, PageParams, page_params
from services.common.paging import Paged
from services.common.routes import Problems, Resource

router = APIRouter(tags=["volunteers"])
# the registry is the caller's organization's: other roles get 403, others' volunteers 404
volunteers = Resource(
    router,
    "/cases/v1/volunteers",
    "volunteer_id",
    Problems(
        listing=(400, 401, 403, 422),
        create=(400, 401, 403, 409, 422),
        read=(400, 401, 403, 404, 422),
        change=(400, 401, 403, 404, 409, 412, 422, 428),
    ),
)
assignments = item_routes(router, "volunteer-assignments", "assignment_id")
VolunteerId = Annotated[uuid.UUID, Path(description="Id of the volunteer")]
AssignmentId = Annotated[uuid.UUID, Path(description="Id of the assignment")]


@volunteers.create(
    "Register a volunteer",
    "Adds a volunteer to your organization's registry. Accepts `Idempotency-Key`.",
    schemas.VolunteerRead,
)
async def register_volunteer(new: NewInOrg, body: schemas.VolunteerCreate) -> Any:
    return await new.create(lambda: service.register(new.session, new.who, body), "volunteers")


@volunteers.listing("List volunteers", "Your organization's volunteers, oldest first.")
async def list_volunteers(
    org: InOrg,
    page: Paged,
    active: Annotated[
        bool | None, Query(description="Only active (true) or inactive (false) volunteers")
    ] = None,
    field: Annotated[
        Field_ | None, Query(description="Only volunteers helping in this field")
    ] = None,
) -> Page[schemas.VolunteerRead]:
    return page.send(await service.list_volunteers(*org.key, page.params, active, field))


@volunteers.read("Read a volunteer", "One volunteer of your organization; the ETag is its version.")
async def read_volunteer(volunteer_id: VolunteerId, org: InOrg) -> schemas.VolunteerRead:
    return org.tagged(await service.read(*org.key, volunteer_id))


@volunteers.change("Change a volunteer", "Send If-Match. `active: false` retires the volunteer.")
async def change_volunteer(
    volunteer_id: VolunteerId,
    body: schemas.VolunteerUpdate,
    org: InOrg,
    if_match: IfMatchHeader = None,
) -> schemas.VolunteerRead:
    return await org.saved(await service.change(*org.key, volunteer_id, if_match, body))


@assignments.create(
    "Assign a volunteer to the case",
    "Accepts `Idempotency-Key`. Emits `volunteer.assigned`.",
    schemas.AssignmentRead,
)
async def assign_volunteer(new: NewInCase, body: schemas.AssignmentCreate) -> Any:
    return await new.create(lambda: service.assign(*new.key, body), "volunteer-assignments")


@assignments.listing("List the case's volunteer assignments", "Oldest first. The read is logged.")
async def list_assignments(
    scope: InCase, page: Annotated[PageParams, Depends(page_params)]
) -> Page[schemas.AssignmentRead]:
    return await scope.page_of(service.ASSIGNMENTS, page)


@assignments.change("End or annotate an assignment", "Send If-Match. Setting `ended_on` ends it.")
async def change_assignment(
    scope: InCase,
    assignment_id: AssignmentId,
    body: schemas.AssignmentUpdate,
    if_match: IfMatchHeader = None,
) -> schemas.AssignmentRead:
    return await scope.change(service.change_assignment, assignment_id, if_match, body)
