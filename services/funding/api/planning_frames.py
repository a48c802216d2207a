"""/funding/v1/programmes/{id}/planning-frames: frames per municipality, CSV import."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from services.common.auth import CurrentPrincipal
from services.common.caller import AnyCaller
from services.common.db import SessionDep
from services.common.imports.upload import (
    Upload,
    UploadSpec,
    import_problem_responses,
    upload_body,
    upload_reader,
)
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses
from services.funding.api.deps import AdminUser, CurrentProgramme
from services.funding.applications import reviews
from services.funding.frames import service as frame_service
from services.funding.frames import usage
from services.funding.frames.schemas import (
    AGS_MUNICIPALITY,
    FrameImportReport,
    FrameRead,
    FrameUsageRead,
)

router = APIRouter(
    prefix="/funding/v1/programmes/{programme_id}/planning-frames", tags=["planning-frames"]
)

FRAMES_UPLOAD = UploadSpec(
    max_bytes=2_000_000,  # below the gateway's 2 MiB for bodies of this path
    raw_media_types=("text/csv", "text/plain", "application/csv"),
    file_description=(
        "CSV, header `ags;name;amount;status;reference_date`, at most 20,000 rows and 2 MB"
    ),
)
CSV_EXAMPLE = (
    "ags;name;amount;status;reference_date\n"
    "08117019;Göppingen;271.248,00;final;15.09.2017\n"
    "08117007;Bad Boll;23400.00;preliminary;2017-03-31\n"
)
FramesFile = Annotated[Upload, Depends(upload_reader(FRAMES_UPLOAD))]


@router.post(
    "",
    responses=import_problem_responses(400, 401, 403, 404, 413, 415, 422),
    summary="Import planning frames from CSV",
    openapi_extra=upload_body(FRAMES_UPLOAD, CSV_EXAMPLE),
)
async def import_planning_frames(
    programme: CurrentProgramme, session: SessionDep, who: AdminUser, upload: FramesFile
) -> FrameImportReport:
    """Creates or replaces frames from the file (multipart part `file`): CSV with the header
    `ags;name;amount;status;reference_date` as spreadsheet programs save it (UTF-8 with or
    without BOM, or Windows-1252; `;` or `,`; amounts like `271.248,00` or `271248.00`, dates
    like `15.09.2017` or `2017-09-15`). Lines equal to the stored frame are `unchanged`; a
    final frame cannot become preliminary again. `mode` decides what happens when lines are
    refused; each refused line is listed in `line_errors` as `{line, field, code, message}`. A
    frame going from `preliminary` to `final` flags the applications based on it for review
    (`needs_review`) and emits `frame.finalized`. `curl --data-binary` with
    `Content-Type: text/csv` works too."""
    result = await reviews.import_frames(session, who, programme, upload)
    await session.commit()
    return result


@router.get("", responses=problem_responses(400, 401, 404, 422), summary="List planning frames")
async def list_planning_frames(
    programme: CurrentProgramme,
    session: SessionDep,
    who: CurrentPrincipal,
    page: Paged,
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
        cursor=page.params.cursor,
        limit=page.params.limit,
    )
    return page.send(out)


@router.get(
    "/{ags}/usage",
    responses=problem_responses(401, 403, 404, 422),
    summary="Read what a planning frame holds and what remains",
)
async def read_frame_usage(
    programme: CurrentProgramme,
    ags: Annotated[str, Path(pattern=AGS_MUNICIPALITY, description="The municipality's AGS")],
    caller: AnyCaller,
) -> FrameUsageRead:
    """The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications."""
    return await usage.frame_usage(*caller.key, programme, ags)
