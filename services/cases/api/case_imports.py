"""/cases/v1/case-imports: bulk create-or-update of cases from municipal IT."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from services.cases.api.deps import CaseWorkerRole
from services.cases.errors import UnsupportedImport
from services.cases.imports import service
from services.cases.imports.schemas import MAX_LINES, ImportLine, ImportResult
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.problems import problem_responses

router = APIRouter(tags=["case-imports"])
MEDIA_TYPES = (
    "application/x-ndjson",
    "application/jsonl",
    "application/json-lines",
    "application/x-jsonlines",
)
_EXAMPLE = (
    '{"external_id": "KM-2025-0042", "pseudonym": "GP-Reiher", "municipality_ags": "08117019",'
    ' "opened_on": "2025-05-12"}\n'
    '{"external_id": "KM-2025-0043", "pseudonym": "GP-Milan", "municipality_ags": "08117019",'
    ' "opened_on": "2025-06-02", "status": "closed", "closing_reason": "moved",'
    ' "closed_on": "2026-01-31"}\n'
)


@router.post(
    "/cases/v1/case-imports",
    response_model=ImportResult,
    responses=problem_responses(400, 401, 403, 409, 413, 415, 422),
    summary="Import cases (JSON Lines)",
    description=f"Up to {MAX_LINES} cases, one JSON object per line (`application/x-ndjson`), "
    "matched by `external_id` within your organization: unknown ids create a case, known ids "
    "update it. "
    "Every line succeeds or fails on its own (see `results`); repeating an import changes nothing "
    "and reports `unchanged`. Accepts `Idempotency-Key` to replay the first answer exactly.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {
                    "schema": {
                        "type": "string",
                        "description": "JSON Lines; each line an ImportLine",
                    },
                    "example": _EXAMPLE,
                }
                for media in MEDIA_TYPES
            },
        },
        "x-line-schema": ImportLine.model_json_schema(),
    },
)
async def import_cases(
    request: Request, session: SessionDep, who: CaseWorkerRole, idem: IdempotencyDep
) -> Any:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in MEDIA_TYPES:
        raise UnsupportedImport(f"Send JSON Lines as one of: {', '.join(MEDIA_TYPES)}")
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    out = await service.import_cases(session, who, await request.body())
    body = out.model_dump(mode="json")
    await idem.remember(session, 200, body)
    await session.commit()
    return JSONResponse(body)
