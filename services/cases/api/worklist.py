"""/cases/v1/worklist: the caller's own open cases, most urgent review first."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from services.cases.casefile import repository as repo
from services.cases.casefile import service
from services.cases.casefile.schemas import WorklistItem
from services.cases.settings import CasesSettings
from services.common.auth import Principal, require_roles
from services.common.db import SessionDep
from services.common.pagination import (
    Page,
    PageParams,
    decode_cursor,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import InvalidInput, problem_responses

router = APIRouter(tags=["worklist"])


def _state(next_review_on: dt.date | None, today: dt.date, soon_days: int) -> str:
    if next_review_on is None:
        return "none"
    if next_review_on < today:
        return "overdue"
    return "due_soon" if next_review_on <= today + dt.timedelta(days=soon_days) else "scheduled"


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
    after = None
    if page.cursor:
        review, case_id = decode_cursor(page.cursor, 2)
        try:
            after = (dt.date.fromisoformat(review), uuid.UUID(case_id))
        except (TypeError, ValueError) as exc:
            raise InvalidInput("The cursor is not one this API issued") from exc
    rows = await repo.worklist(session, who.org, who.subject, limit=page.limit, after=after)
    settings: CasesSettings = request.app.state.settings
    today = service.today()

    def item(row: Any) -> WorklistItem:
        state = _state(row.next_review_on, today, settings.review_due_soon_days)
        return WorklistItem(**service.summary(row).model_dump(), review_state=state)

    result = make_page(
        rows, page.limit, key=lambda r: (r.review_key.isoformat(), str(r.id)), to_item=item
    )
    set_link_header(request, response, result.next_cursor)
    return result
