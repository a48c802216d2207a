"""/cases/v1/cases/{case_id}/plan: the integration plan and its versions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from services.cases.api.deps import CaseId, CaseWorker, CurrentCase
from services.cases.api.responses import committed, created, logged_page
from services.cases.plans import service
from services.cases.plans.schemas import PlanVersionCreate, PlanVersionRead
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses

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
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    out = await service.write_version(session, who, case_id, if_match, body)
    location = f"/cases/v1/cases/{case_id}/plan/versions/{out.number}"
    return await created(session, idem, response, out, out.number, location)


@router.get(
    BASE,
    response_model=PlanVersionRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read the current plan",
    description="The latest plan version with its goals; the ETag is its number. "
    "The read is logged.",
)
async def read_plan(
    case: CurrentCase, response: Response, session: SessionDep, who: CaseWorker
) -> PlanVersionRead:
    out = await service.read_version(session, who, case.id, None)
    return await committed(session, response, out, out.number)


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
    out = await service.list_versions(session, who, case.id, page)
    return await logged_page(session, request, response, out)


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
    response: Response,
    session: SessionDep,
    who: CaseWorker,
) -> PlanVersionRead:
    out = await service.read_version(session, who, case.id, number)
    return await committed(session, response, out, out.number)
