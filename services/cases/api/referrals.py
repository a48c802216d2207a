"""/cases/v1/cases/{case_id}/referrals: hand-overs to other agencies."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from services.cases.api.deps import CaseId, CaseWorker, CurrentCase
from services.cases.api.responses import committed, created, logged_page
from services.cases.contacts import service
from services.cases.contacts.schemas import ReferralCreate, ReferralRead, ReferralUpdate
from services.cases.items import service as items
from services.cases.vocab import ReferralStatus
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses

router = APIRouter(tags=["referrals"])
BASE = "/cases/v1/cases/{case_id}/referrals"
ItemId = Annotated[uuid.UUID, Path(description="Id of the referral")]


@router.post(
    BASE,
    status_code=201,
    response_model=ReferralRead,
    responses=problem_responses(400, 401, 404, 409, 422),
    summary="Refer the person to an agency",
    description="Records a referral in status `sent`. Accepts `Idempotency-Key`. "
    "Emits `referral.sent`.",
)
async def send_referral(
    case_id: CaseId,
    body: ReferralCreate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    idem: IdempotencyDep,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    out = await service.send_referral(session, who, case_id, body)
    location = f"/cases/v1/cases/{case_id}/referrals/{out.id}"
    return await created(session, idem, response, out, out.version, location)


@router.get(
    BASE,
    response_model=Page[ReferralRead],
    responses=problem_responses(400, 401, 404, 422),
    summary="List referrals",
    description="Referrals of the case in the order they were sent. The read is logged.",
)
async def list_referrals(
    request: Request,
    response: Response,
    case: CurrentCase,
    session: SessionDep,
    who: CaseWorker,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        ReferralStatus | None, Query(description="Only referrals in this status")
    ] = None,
) -> Page[ReferralRead]:
    out = await service.list_referrals(session, who, case.id, page, status)
    return await logged_page(session, request, response, out)


@router.get(
    BASE + "/{referral_id}",
    response_model=ReferralRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a referral",
    description="One referral; the ETag is its version. The read is logged.",
)
async def read_referral(
    case: CurrentCase, referral_id: ItemId, response: Response, session: SessionDep, who: CaseWorker
) -> ReferralRead:
    out = await items.read(session, who, service.REFERRALS, case.id, referral_id)
    return await committed(session, response, out, out.version)


@router.patch(
    BASE + "/{referral_id}",
    response_model=ReferralRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Update a referral's status",
    description="sent → accepted | declined | completed; accepted → completed | declined "
    "(409 `invalid-transition` otherwise). Send If-Match with the referral's ETag.",
)
async def change_referral(
    case: CurrentCase,
    referral_id: ItemId,
    body: ReferralUpdate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> ReferralRead:
    out = await service.change_referral(session, who, case.id, referral_id, if_match, body)
    return await committed(session, response, out, out.version)
