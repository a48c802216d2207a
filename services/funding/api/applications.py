"""/funding/v1/applications: drafts, lists with filters, the CSV export, reading and editing."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.pagination import (
    Page,
    PageParams,
    page_params,
    set_link_header,
)
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import ApplicantUser, ApplicationId, Directory, NewByApplicant
from services.funding.applications import export, listing
from services.funding.applications import service as application_service
from services.funding.applications.schemas import (
    ApplicationCreate,
    ApplicationFilters,
    ApplicationRead,
    ApplicationUpdate,
)
from services.funding.applications.workflow import State
from services.funding.money import MONEY_PATTERN, Day

router = APIRouter(prefix="/funding/v1", tags=["applications"])

MoneyQuery = Annotated[str | None, Query(pattern=MONEY_PATTERN, description='EUR, e.g. "51000.00"')]


def application_filters(
    state: Annotated[
        list[State] | None, Query(max_length=8, description="Only these states (repeatable)")
    ] = None,
    programme_id: Annotated[uuid.UUID | None, Query()] = None,
    applicant: Annotated[
        str | None, Query(max_length=64, description="Applicant organization id")
    ] = None,
    district: Annotated[
        str | None, Query(pattern=r"^[0-9]{5}$", description="District AGS, e.g. 08117")
    ] = None,
    region: Annotated[
        str | None, Query(pattern=r"^[0-9]{3}$", description="Regierungsbezirk AGS, e.g. 081")
    ] = None,
    submitted_from: Annotated[
        Day | None, Query(description="Submitted on or after this day (UTC)")
    ] = None,
    submitted_to: Annotated[
        Day | None, Query(description="Submitted on or before this day (UTC)")
    ] = None,
    amount_min: MoneyQuery = None,
    amount_max: MoneyQuery = None,
    needs_review: Annotated[
        bool | None, Query(description="Flagged after a final planning frame")
    ] = None,
) -> ApplicationFilters:
    return ApplicationFilters(
        state=state,
        programme_id=programme_id,
        applicant=applicant,
        district=district,
        region=region,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        amount_min=Decimal(amount_min) if amount_min else None,
        amount_max=Decimal(amount_max) if amount_max else None,
        needs_review=needs_review,
    )


Filters = Annotated[ApplicationFilters, Depends(application_filters)]


@router.post(
    "/applications",
    **creates(400, 401, 403, 404, 409, 422, 503, model=ApplicationRead),
    summary="Draft an application",
)
async def create_application(
    body: ApplicationCreate, new: NewByApplicant, directory: Directory
) -> ApplicationRead | JSONResponse:
    """Creates a draft for the caller's organization. The route (district office, deciding
    council) comes from the token's `org_path`; the amounts are computed from the rates; a
    municipality whose frame is under the programme's minimum is refused (`frame-below-minimum`)
    unless it applies through a consortium or its district."""
    create = application_service.create_application
    return await new.create(lambda: create(new.session, new.who, body, directory), "applications")


@router.get(
    "/applications", responses=problem_responses(400, 401, 403, 422), summary="List applications"
)
async def list_applications(
    request: Request,
    response: Response,
    session: SessionDep,
    who: CurrentPrincipal,
    filters: Filters,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[ApplicationRead]:
    """Applications the caller reads (services.common.policy): the applicant's (role
    `applicant`), the district's (`district_reviewer`) and the council's (`approver`) once
    submitted, a commissioned charity's (`applicant`, read-only, without managers' names);
    oldest first, filtered. Other roles get 403."""
    out = await listing.list_page(session, who, filters, page.cursor, page.limit)
    set_link_header(request, response, out.next_cursor)
    return out


@router.get(
    "/applications.csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 422),
    },
    summary="Export applications as CSV",
)
async def export_applications(
    request: Request, who: CurrentPrincipal, filters: Filters
) -> Response:
    """The same filters as the list, every matching application (no cap) as one CSV file
    (UTF-8, comma separated, one line per application) for the council's spreadsheets,
    streamed as it is read, from one consistent snapshot."""
    body = await export.primed(
        export.applications_csv(request.app.state.sessionmaker, who, filters)
    )
    return StreamingResponse(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="applications.csv"'},
    )


@router.get(
    "/applications/{application_id}",
    responses=problem_responses(401, 404, 422),
    summary="Read an application",
)
async def get_application(
    application_id: ApplicationId, session: SessionDep, who: CurrentPrincipal, response: Response
) -> ApplicationRead:
    """One application with its positions; send its `ETag` as `If-Match` to change it."""
    out = await application_service.read_visible(session, who, application_id)
    set_etag(response, out.version)
    return out


@router.put(
    "/applications/{application_id}",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428, 503),
    summary="Edit a draft or returned application",
)
async def update_application(
    application_id: ApplicationId,
    body: ApplicationUpdate,
    session: SessionDep,
    who: ApplicantUser,
    response: Response,
    directory: Directory,
    if_match: IfMatchHeader = None,
) -> ApplicationRead:
    """Replaces delivery details and positions while the application is with the applicant
    (draft, or returned to them). Amounts are recomputed and checked against the frame."""
    out = await application_service.update_application(
        session, who, application_id, body, if_match, directory
    )
    await session.commit()
    set_etag(response, out.version)
    return out
