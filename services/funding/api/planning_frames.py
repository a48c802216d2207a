"""/funding/v1/programmes/{id}/planning-frames: frames per municipality, CSV import."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from services.common.auth import CurrentPrincipal
from services.common.db import SessionDep
from services.common.pagination import (
    Page,
    PageParams,
    page_params,
    set_link_header,
)
from services.common.problems import problem_responses
from services.funding.api.deps import AdminUser, CurrentProgramme
from services.funding.applications import reviews
from services.funding.errors import UnreadableCsv
from services.funding.frames import service as frame_service
from services.funding.frames import usage
from services.funding.frames.schemas import (
    AGS_MUNICIPALITY,
    FrameImportResult,
    FrameRead,
    FrameUsageRead,
)

router = APIRouter(
    prefix="/funding/v1/programmes/{programme_id}/planning-frames", tags=["planning-frames"]
)

MAX_CSV_BYTES = 5 * 1024 * 1024
CSV_EXAMPLE = (
    "ags,name,amount,status,reference_date\n"
    "08117019,Göppingen,271248.00,final,2017-09-15\n"
    "08117007,Bad Boll,23400.00,preliminary,2017-03-31\n"
)


@router.post(
    "",
    responses=problem_responses(400, 401, 403, 404, 413, 415, 422),
    summary="Import planning frames from CSV",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {
                    "schema": {"type": "string", "maxLength": MAX_CSV_BYTES},
                    "example": CSV_EXAMPLE,
                }
            },
        }
    },
)
async def import_planning_frames(
    request: Request, programme: CurrentProgramme, session: SessionDep, who: AdminUser
) -> FrameImportResult:
    """Creates or replaces frames from a CSV with the header `ags,name,amount,status,reference_date`
    (comma or semicolon separated, UTF-8). If any row is wrong, nothing is imported and the 422
    problem lists every bad row in `row_errors` (line, field, message). A frame going from
    `preliminary` to `final` flags the applications based on it for review (`needs_review`) and
    emits `frame.finalized`."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("text/csv", "text/plain", "application/csv"):
        raise UnreadableCsv("Send the file as text/csv")
    body = await request.body()
    if len(body) > MAX_CSV_BYTES:
        raise UnreadableCsv(f"The file is larger than {MAX_CSV_BYTES} bytes")
    result = await reviews.import_frames(session, who, programme, body)
    await session.commit()
    return result


@router.get("", responses=problem_responses(400, 401, 404, 422), summary="List planning frames")
async def list_planning_frames(
    request: Request,
    response: Response,
    programme: CurrentProgramme,
    session: SessionDep,
    who: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        Literal["preliminary", "final"] | None, Query(description="Only frames in this status")
    ] = None,
    ags_prefix: Annotated[
        str | None, Query(pattern=r"^[0-9]{2,8}$", description="e.g. 08117 for a district")
    ] = None,
) -> Page[FrameRead]:
    """Frames of the programme in AGS order."""
    out = await frame_service.list_frames(
        session,
        programme,
        status=status,
        ags_prefix=ags_prefix,
        cursor=page.cursor,
        limit=page.limit,
    )
    set_link_header(request, response, out.next_cursor)
    return out


@router.get(
    "/{ags}/usage",
    responses=problem_responses(401, 403, 404, 422),
    summary="Read what a planning frame holds and what remains",
)
async def read_frame_usage(
    programme: CurrentProgramme,
    ags: Annotated[str, Path(pattern=AGS_MUNICIPALITY, description="The municipality's AGS")],
    session: SessionDep,
    who: CurrentPrincipal,
) -> FrameUsageRead:
    """The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications."""
    return await usage.frame_usage(session, who, programme, ags)
