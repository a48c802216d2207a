"""/cases/v1/cases/{case_id}/plan: the integration plan and its versions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import JSONResponse

from services.cases.api.deps import CaseId, CaseWorker, CurrentCase
from services.cases.plans import repository as repo
from services.cases.plans import service
from services.cases.plans.schemas import PlanVersionCreate, PlanVersionRead
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import (
    Page,
    PageParams,
    decode_cursor,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import InvalidInput, problem_responses

router = APIRouter(tags=["plans"])
BASE = "/cases/v1/cases/{case_id}/plan"


@router.post(
    BASE + "/versions",
    status_code=201,
    response_model=PlanVersionRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Create or revise the integration plan",
    description="Writes the next plan version with its full list of goals. The first version "
    "starts the plan (`plan.created`); later ones are reviews (`plan.revised`) and need "
    "If-Match with the plan's ETag (its current version number). Accepts `Idempotency-Key`.",
)
async def write_plan_version(
    case_id: CaseId,
    body: PlanVersionCreate,
    session: SessionDep,
    who: CaseWorker,
    idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    out = await service.write_version(session, who, case_id, if_match, body)
    headers = {
        "ETag": f'"{out.number}"',
        "Location": f"/cases/v1/cases/{case_id}/plan/versions/{out.number}",
    }
    body_json = out.model_dump(mode="json")
    await idem.remember(session, 201, body_json, headers)
    await session.commit()
    return JSONResponse(body_json, status_code=201, headers=headers)


@router.get(
    BASE,
    response_model=PlanVersionRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read the current plan",
    description="The latest plan version with its goals; the ETag is its number. "
    "The read is logged.",
)
async def read_plan(case: CurrentCase, session: SessionDep, who: CaseWorker) -> Any:
    out = await service.read_version(session, who, case.id, None)
    await session.commit()
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": f'"{out.number}"'})


@router.get(
    BASE + "/versions",
    response_model=Page[PlanVersionRead],
    responses=problem_responses(400, 401, 404, 422),
    summary="List plan versions",
    description="All versions, oldest first; old versions stay readable. The read is logged.",
)
async def list_plan_versions(
    request: Request,
    response: Response,
    case: CurrentCase,
    session: SessionDep,
    who: CaseWorker,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[PlanVersionRead]:
    after = None
    if page.cursor:
        (after,) = decode_cursor(page.cursor, 1)
        if not isinstance(after, int):
            raise InvalidInput("The cursor is not one this API issued")
    rows = await repo.list_versions(session, case.id, limit=page.limit, after=after)
    items = await service.read_versions(session, who, rows[: page.limit])
    await session.commit()
    result = make_page(rows, page.limit, key=lambda r: (r.number,), to_item=lambda r: r)
    out = Page[PlanVersionRead](items=items, next_cursor=result.next_cursor)
    set_link_header(request, response, out.next_cursor)
    return out


@router.get(
    BASE + "/versions/{number}",
    response_model=PlanVersionRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read one plan version",
    description="A version as it was written. The read is logged.",
)
async def read_plan_version(
    case: CurrentCase,
    number: Annotated[int, Path(ge=1, le=100_000)],
    session: SessionDep,
    who: CaseWorker,
) -> Any:
    out = await service.read_version(session, who, case.id, number)
    await session.commit()
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": f'"{out.number}"'})
