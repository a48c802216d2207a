"""/cases/v1/case-imports: bulk create-or-update of cases from municipal IT."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from services.cases.api.deps import CaseWorkerRole
from services.cases.imports import service
from services.cases.imports.schemas import MAX_LINES, CaseImportReport, ImportLine
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyKeyHeader, idempotency_of
from services.common.imports.upload import (
    Upload,
    UploadSpec,
    import_problem_responses,
    upload_body,
    upload_reader,
)

router = APIRouter(tags=["case-imports"])
CASES_UPLOAD = UploadSpec(
    max_bytes=15 * 1024 * 1024,  # below the 16 MB every body may have (guards.py)
    raw_media_types=(
        "application/x-ndjson",
        "text/csv",
        "application/jsonl",
        "application/json-lines",
        "application/x-jsonlines",
    ),
    file_description=(
        f"JSON Lines (one ImportLine object per line) or CSV with a header of ImportLine "
        f"members; at most {MAX_LINES} lines and 15 MB"
    ),
)
_EXAMPLE = (
    '{"external_id": "KM-2025-0042", "pseudonym": "GP-Reiher", "municipality_ags": "08117019",'
    ' "opened_on": "2025-05-12"}\n'
    '{"external_id": "KM-2025-0043", "pseudonym": "GP-Milan", "municipality_ags": "08117019",'
    ' "opened_on": "2025-06-02", "status": "closed", "closing_reason": "moved",'
    ' "closed_on": "2026-01-31"}\n'
)
CasesFile = Annotated[Upload, Depends(upload_reader(CASES_UPLOAD))]


@router.post(
    "/cases/v1/case-imports",
    response_model=CaseImportReport,
    responses=import_problem_responses(400, 401, 403, 409, 413, 415, 422),
    summary="Import cases (JSON Lines or CSV)",
    description=f"Up to {MAX_LINES} cases in the file (multipart part `file`), matched by "
    "`external_id` within your organization: unknown ids create a case, known ids update it, "
    "equal lines are `unchanged` (repeating an import changes nothing). The file is JSON Lines "
    "(each line an ImportLine, see `x-line-schema`) or, when it does not start with `{`, CSV "
    "with a header of ImportLine members (`external_id;pseudonym;municipality_ags;opened_on` "
    "and optionally `status;closing_reason;closed_on;assigned_worker`) as spreadsheet "
    "programs save it: UTF-8 or Windows-1252, `;` or `,`, dates like `15.09.2017`. `mode` "
    "decides what happens when lines are refused; each is listed in `line_errors` as "
    "`{line, field, code, message}`. Accepts `Idempotency-Key` (the same file and mode replay "
    "the first answer). `curl --data-binary` with `Content-Type: application/x-ndjson` or "
    "`text/csv` works too.",
    openapi_extra={
        **upload_body(CASES_UPLOAD, _EXAMPLE),
        "x-line-schema": ImportLine.model_json_schema(),
    },
)
async def import_cases(
    request: Request,
    session: SessionDep,
    who: CaseWorkerRole,
    upload: CasesFile,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Any:
    idem = idempotency_of(request, idempotency_key, upload.fingerprint)
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    out = await service.import_cases(session, who, upload)
    body = out.model_dump(mode="json")
    await idem.remember(session, 200, body)
    await session.commit()
    return JSONResponse(body)
