"""/cases/v1/volunteers and /cases/v1/cases/{case_id}/volunteer-assignments."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from services.cases.api.deps import CaseId, CaseWorker, CaseWorkerRole, CurrentCase
from services.cases.api.responses import created, keyset_after
from services.cases.casefile import repository as case_repo
from services.cases.contacts import repository as items
from services.cases.errors import CaseNotFound, ItemNotFound
from services.cases.models import volunteer, volunteer_assignment
from services.cases.vocab import Field_
from services.cases.volunteers import repository as repo
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
from services.common.idempotency import IdempotencyDep
from services.common.pagination import (
    Page,
    PageParams,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import problem_responses

router = APIRouter(tags=["volunteers"])
BASE = "/cases/v1/volunteers"
ASSIGNMENTS = "/cases/v1/cases/{case_id}/volunteer-assignments"
VolunteerId = Annotated[uuid.UUID, Path(description="Id of the volunteer")]
AssignmentId = Annotated[uuid.UUID, Path(description="Id of the assignment")]


def _volunteer(row: Any) -> VolunteerRead:
    return VolunteerRead.model_validate(row, from_attributes=True)


def _assignment(row: Any) -> AssignmentRead:
    return AssignmentRead.model_validate(row, from_attributes=True)


@router.post(
    BASE,
    status_code=201,
    response_model=VolunteerRead,
    responses=problem_responses(400, 401, 403, 409, 422),
    summary="Register a volunteer",
    description="Adds a volunteer to your organization's registry. Accepts `Idempotency-Key`.",
)
async def register_volunteer(
    body: VolunteerCreate,
    response: Response,
    session: SessionDep,
    who: CaseWorkerRole,
    idem: IdempotencyDep,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    row = await service.register(session, who, body)
    out = _volunteer(row)
    location = f"{BASE}/{row.id}"
    return await created(session, idem, response, out, row.version, location)


@router.get(
    BASE,
    response_model=Page[VolunteerRead],
    responses=problem_responses(400, 401, 403, 422),
    summary="List volunteers",
    description="Your organization's volunteers, oldest first.",
)
async def list_volunteers(
    request: Request,
    response: Response,
    session: SessionDep,
    who: CaseWorkerRole,
    page: Annotated[PageParams, Depends(page_params)],
    active: Annotated[
        bool | None, Query(description="Only active (true) or inactive (false) volunteers")
    ] = None,
    field: Annotated[
        Field_ | None, Query(description="Only volunteers helping in this field")
    ] = None,
) -> Page[VolunteerRead]:
    filters: list[Any] = []
    if active is not None:
        filters.append(volunteer.c.active.is_(active))
    if field:
        filters.append(volunteer.c.fields.any_() == field)
    rows = await repo.page(
        session, who.org, limit=page.limit, after=keyset_after(page.cursor), filters=filters
    )
    result = make_page(rows, page.limit, key=items.cursor_key, to_item=_volunteer)
    set_link_header(request, response, result.next_cursor)
    return result


@router.get(
    BASE + "/{volunteer_id}",
    response_model=VolunteerRead,
    responses=problem_responses(400, 401, 403, 404, 422),
    summary="Read a volunteer",
    description="One volunteer of your organization; the ETag is its version.",
)
async def read_volunteer(
    volunteer_id: VolunteerId, response: Response, session: SessionDep, who: CaseWorkerRole
) -> VolunteerRead:
    row = await repo.get(session, who.org, volunteer_id)
    if row is None:
        raise ItemNotFound("No such volunteer in your organization")
    set_etag(response, row.version)
    return _volunteer(row)


@router.patch(
    BASE + "/{volunteer_id}",
    response_model=VolunteerRead,
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
    row = await service.change(session, who, volunteer_id, if_match, body)
    await session.commit()
    set_etag(response, row.version)
    return _volunteer(row)


@router.post(
    ASSIGNMENTS,
    status_code=201,
    response_model=AssignmentRead,
    responses=problem_responses(400, 401, 404, 409, 422),
    summary="Assign a volunteer to the case",
    description="Accepts `Idempotency-Key`. Emits `volunteer.assigned`.",
)
async def assign_volunteer(
    case_id: CaseId,
    body: AssignmentCreate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    idem: IdempotencyDep,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    if await case_repo.get(session, case_id, who.org) is None:
        raise CaseNotFound()
    row = await service.assign(session, who, case_id, body)
    out = _assignment(row)
    return await created(
        session,
        idem,
        response,
        out,
        row.version,
        f"/cases/v1/cases/{case_id}/volunteer-assignments/{row.id}",
    )


@router.get(
    ASSIGNMENTS,
    response_model=Page[AssignmentRead],
    responses=problem_responses(400, 401, 404, 422),
    summary="List the case's volunteer assignments",
    description="Oldest first. The read is logged.",
)
async def list_assignments(
    request: Request,
    response: Response,
    case: CurrentCase,
    session: SessionDep,
    who: CaseWorker,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AssignmentRead]:
    rows = await items.page(
        session, volunteer_assignment, case.id, limit=page.limit, after=keyset_after(page.cursor)
    )
    await case_repo.log_access(session, case.id, who.org, who, "volunteer_assignments")
    await session.commit()
    result = make_page(rows, page.limit, key=items.cursor_key, to_item=_assignment)
    set_link_header(request, response, result.next_cursor)
    return result


@router.patch(
    ASSIGNMENTS + "/{assignment_id}",
    response_model=AssignmentRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="End or annotate an assignment",
    description="Send If-Match. Setting `ended_on` ends it.",
)
async def change_assignment(
    case: CurrentCase,
    assignment_id: AssignmentId,
    body: AssignmentUpdate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> AssignmentRead:
    row = await service.change_assignment(session, who, case.id, assignment_id, if_match, body)
    await session.commit()
    set_etag(response, row.version)
    return _assignment(row)
