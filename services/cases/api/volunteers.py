"""/cases/v1/volunteers and /cases/v1/cases/{case_id}/volunteer-assignments."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from services.cases.api.deps import CaseWorkerRole
from services.cases.api.responses import committed
from services.cases.api.scope import InCase, NewInCase, NewInOrg
from services.cases.vocab import Field_
from services.cases.volunteers import service
from services.cases.volunteers.schemas import (
    AssignmentCreate,
    AssignmentRead,
    AssignmentUpdate,
    VolunteerCreate,
    VolunteerRead,
    VolunteerUpdate,
)
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.pagination import Page, PageParams, page_params
from services.common.paging import Paged
from services.common.problems import problem_responses

router = APIRouter(tags=["volunteers"])
BASE = "/cases/v1/volunteers"
ASSIGNMENTS = "/cases/v1/cases/{case_id}/volunteer-assignments"
VolunteerId = Annotated[uuid.UUID, Path(description="Id of the volunteer")]
AssignmentId = Annotated[uuid.UUID, Path(description="Id of the assignment")]


@router.post(
    BASE,
    status_code=201,
    response_model=VolunteerRead,
    responses=problem_responses(400, 401, 403, 409, 422),
    summary="Register a volunteer",
    description="Adds a volunteer to your organization's registry. Accepts `Idempotency-Key`.",
)
async def register_volunteer(new: NewInOrg, body: VolunteerCreate) -> Any:
    return await new.create(lambda: service.register(new.session, new.who, body), "volunteers")


@router.get(
    BASE,
    responses=problem_responses(400, 401, 403, 422),
    summary="List volunteers",
    description="Your organization's volunteers, oldest first.",
)
async def list_volunteers(
    session: SessionDep,
    who: CaseWorkerRole,
    page: Paged,
    active: Annotated[
        bool | None, Query(description="Only active (true) or inactive (false) volunteers")
    ] = None,
    field: Annotated[
        Field_ | None, Query(description="Only volunteers helping in this field")
    ] = None,
) -> Page[VolunteerRead]:
    return page.send(await service.list_volunteers(session, who, page.params, active, field))


@router.get(
    BASE + "/{volunteer_id}",
    responses=problem_responses(400, 401, 403, 404, 422),
    summary="Read a volunteer",
    description="One volunteer of your organization; the ETag is its version.",
)
async def read_volunteer(
    volunteer_id: VolunteerId, response: Response, session: SessionDep, who: CaseWorkerRole
) -> VolunteerRead:
    out = await service.read(session, who, volunteer_id)
    set_etag(response, out.version)
    return out


@router.patch(
    BASE + "/{volunteer_id}",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
    summary="Change a volunteer",
    description="Send If-Match. `active: false` retires the volunteer.",
)
async def change_volunteer(
    volunteer_id: VolunteerId,
    body: VolunteerUpdate,
    response: Response,
    session: SessionDep,
    who: CaseWorkerRole,
    if_match: IfMatchHeader = None,
) -> VolunteerRead:
    out = await service.change(session, who, volunteer_id, if_match, body)
    return await committed(session, response, out, out.version)


@router.post(
    ASSIGNMENTS,
    status_code=201,
    response_model=AssignmentRead,
    responses=problem_responses(400, 401, 404, 409, 422),
    summary="Assign a volunteer to the case",
    description="Accepts `Idempotency-Key`. Emits `volunteer.assigned`.",
)
async def assign_volunteer(new: NewInCase, body: AssignmentCreate) -> Any:
    return await new.create(lambda: service.assign(*new.key, body), "volunteer-assignments")


@router.get(
    ASSIGNMENTS,
    responses=problem_responses(400, 401, 404, 422),
    summary="List the case's volunteer assignments",
    description="Oldest first. The read is logged.",
)
async def list_assignments(
    scope: InCase, page: Annotated[PageParams, Depends(page_params)]
) -> Page[AssignmentRead]:
    return await scope.page_of(service.ASSIGNMENTS, page)


@router.patch(
    ASSIGNMENTS + "/{assignment_id}",
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="End or annotate an assignment",
    description="Send If-Match. Setting `ended_on` ends it.",
)
async def change_assignment(
    scope: InCase,
    assignment_id: AssignmentId,
    body: AssignmentUpdate,
    if_match: IfMatchHeader = None,
) -> AssignmentRead:
    return await scope.change(service.change_assignment, assignment_id, if_match, body)
