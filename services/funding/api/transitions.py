"""/funding/v1/applications/{id}/transitions: moving along the route, and its history."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import ApplicationId
from services.funding.applications import listing
from services.funding.applications.schemas import TransitionCreate, TransitionRead
from services.funding.applications.transitions import apply_transition

router = APIRouter(
    prefix="/funding/v1/applications/{application_id}/transitions", tags=["transitions"]
)


@router.post(
    "",
    **creates(400, 401, 403, 404, 409, 412, 422, 428),
    summary="Take an action",
)
async def create_transition(
    application_id: ApplicationId,
    body: TransitionCreate,
    session: SessionDep,
    who: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> TransitionRead:
    """`submit`/`withdraw` (applicant), `forward`/`return` (district reviewer), `approve`,
    `partially_approve`, `reject`, `return` (approver of the deciding council). Only the
    organization holding the application may act: others on the route get 403, callers off
    the route 404, an action the state does not allow 409. Approvals are booked against the
    programme budget (409 `budget-exceeded` when it would be overspent). The response's
    `ETag` is the application's new version."""
    out, version = await apply_transition(session, who, application_id, body, if_match)
    await session.commit()
    set_etag(response, version)
    return out


@router.get("", responses=problem_responses(401, 404, 422), summary="Read the route history")
async def list_transitions(
    application_id: ApplicationId, session: SessionDep, who: CurrentPrincipal
) -> Page[TransitionRead]:
    """Every step so far, oldest first, with actor, organization, time, comment and decisions,
    on one page (`next_cursor` is null: a route has a few steps; follow it anyway, as with
    every list)."""
    return Page(items=await listing.history(session, who, application_id))
