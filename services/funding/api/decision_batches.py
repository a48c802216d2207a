"""/funding/v1/decision-batches: the regional council's batch decisions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse

from services.common.auth import CurrentPrincipal
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.problem_handlers import ReaderDep
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import ApproverUser
from services.funding.batches import service as batch_service
from services.funding.batches.schemas import DecisionBatchCreate, DecisionBatchRead

router = APIRouter(prefix="/funding/v1/decision-batches", tags=["batches"])


@router.post(
    "",
    **creates(400, 401, 403, 409, 413, 422, model=DecisionBatchRead),
    summary="Decide many applications at once",
)
async def create_decision_batch(
    body: DecisionBatchCreate,
    session: SessionDep,
    who: ApproverUser,
    idem: IdempotencyDep,
    reader: ReaderDep,
) -> JSONResponse:
    """Up to 10,000 decisions (`approve`, `partially_approve` with `granted_amount`, `reject`) in
    one request; send an `Idempotency-Key` so a retry replays instead of deciding twice. Each item
    is `decided`, `skipped` (already decided, with its state) or `failed` (with an RFC 9457
    problem: 404 not on your route, 403 not your step, 409 wrong state or budget exhausted, 412
    stale `if_match`, 422 wrong amount). In `per_item` mode one failure never undoes another; in
    `all_or_nothing` mode any failure applies nothing. The batch stays readable with its results."""
    replay = await idem.claim(session, who)
    if replay is not None:
        return replay
    result = await batch_service.decide_batch(session, who, body, reader)
    content = result.model_dump(mode="json")
    headers = {"Location": f"/funding/v1/decision-batches/{result.id}"}
    await idem.remember(session, 201, content, headers)
    await session.commit()
    return JSONResponse(content, status_code=201, headers=headers)


@router.get(
    "/{batch_id}", responses=problem_responses(401, 404, 422), summary="Read a decision batch"
)
async def get_decision_batch(
    batch_id: Annotated[uuid.UUID, Path()],
    session: SessionDep,
    who: CurrentPrincipal,
    reader: ReaderDep,
) -> DecisionBatchRead:
    """The batch with every item's result, for the organization that sent it."""
    return await batch_service.get_batch(session, who, batch_id, reader)
