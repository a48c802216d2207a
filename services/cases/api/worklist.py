"""/cases/v1/worklist: the caller's own open cases, most urgent review first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from services.cases.api.responses import paged
from services.cases.casefile import service
from services.cases.casefile.schemas import WorklistItem
from services.cases.settings import CasesSettings
from services.common.auth import Principal, require_roles
from services.common.db import SessionDep
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses

router = APIRouter(tags=["worklist"])


@router.get(
    "/cases/v1/worklist",
    response_model=Page[WorklistItem],
    responses=problem_responses(400, 401, 403, 422),
    summary="My worklist",
    description="Open cases assigned to the caller, ordered by next plan review: overdue reviews "
    "first, then upcoming ones, then cases without a plan. `review_state` says which.",
)
async def my_worklist(
    request: Request,
    response: Response,
    session: SessionDep,
    who: Annotated[Principal, Depends(require_roles("case_worker"))],
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[WorklistItem]:
    settings: CasesSettings = request.app.state.settings
    out = await service.worklist(session, who, page, settings.review_due_soon_days)
    return paged(request, response, out)
