"""/cases/v1/worklist: the caller's own open cases, most urgent review first."""

from __future__ import annotations

from fastapi import APIRouter

from services.cases.api.deps import CaseWorkerRole
from services.cases.casefile import service
from services.cases.casefile.schemas import WorklistItem
from services.cases.settings import CasesSettings
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses

router = APIRouter(tags=["worklist"])


@router.get(
    "/cases/v1/worklist",
    responses=problem_responses(400, 401, 403, 422),
    summary="My worklist",
    description="Open cases assigned to the caller, ordered by next plan review: overdue reviews "
    "first, then upcoming ones, then cases without a plan. `review_state` says which.",
)
async def my_worklist(session: SessionDep, who: CaseWorkerRole, page: Paged) -> Page[WorklistItem]:
    settings: CasesSettings = page.request.app.state.settings
    return page.send(
        await service.worklist(session, who, page.params, settings.review_due_soon_days)
    )
