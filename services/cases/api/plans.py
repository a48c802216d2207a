"""/cases/v1/cases/{case_id}/plan: the integration plan and its versions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from services.cases.api.scope import InCase, NewInCase
from services.cases.plans import service
from services.cases.plans.schemas import PlanVersionCreate, PlanVersionRead
from services.common.concurrency import SENDS_ETAG, IfMatchHeader
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses
from services.common.routes import creates

router = APIRouter(tags=["plans"])
BASE = "/cases/v1/cases/{case_id}/plan"


@router.post(
    BASE + "/versions",
    **creates(400, 401, 404, 409, 412, 422, 428, model=PlanVersionRead),
    summary="Create or revise the integration plan",
    description="Writes the next plan version with its full list of goals. The first version "
    "starts the plan (`plan.created`); later ones are reviews (`plan.revised`) and need "
    'If-Match with the plan\'s ETag (its current version number, quoted: `If-Match: "2"`). '
    "Accepts `Idempotency-Key`.",
)
async def write_plan_version(
    new: NewInCase, body: PlanVersionCreate, if_match: IfMatchHeader = None
) -> Any:
    if (replay := await new.replay()) is not None:
        return replay
    out = await service.write_version(new.session, new.who, new.case_id, if_match, body)
    return await new.created(out, out.number, f"plan/versions/{out.number}")


@router.get(
    BASE,
    responses={**problem_responses(400, 401, 404, 422), **SENDS_ETAG},
    summary="Read the current plan",
    description="The latest plan version with its goals; the ETag is its number. "
    "The read is logged.",
)
async def read_plan(scope: InCase) -> PlanVersionRead:
    out = await service.read_version(*scope.key, None)
    return await scope.answer(out, out.number)


@router.get(
    BASE + "/versions",
    responses=problem_responses(400, 401, 404, 422),
    summary="List plan versions",
    description="All versions, oldest first; old versions stay readable. The read is logged.",
)
async def list_plan_versions(
    scope: InCase, page: Annotated[PageParams, Depends(page_params)]
) -> Page[PlanVersionRead]:
    return await scope.page(await service.list_versions(*scope.key, page))


@router.get(
    BASE + "/versions/{number}",
    responses={**problem_responses(400, 401, 404, 422), **SENDS_ETAG},
    summary="Read one plan version",
    description="A version as it was written. The read is logged.",
)
async def read_plan_version(
    scope: InCase, number: Annotated[int, Path(ge=1, le=100_000)]
) -> PlanVersionRead:
    out = await service.read_version(*scope.key, number)
    return await scope.answer(out, out.number)
