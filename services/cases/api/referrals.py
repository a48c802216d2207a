"""/cases/v1/cases/{case_id}/referrals: hand-overs to other agencies."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.cases.api.scope import InCase, NewInCase
from services.cases.contacts import service
from services.cases.contacts.schemas import ReferralCreate, ReferralRead, ReferralUpdate
from services.cases.vocab import ReferralStatus
from services.common.concurrency import IfMatchHeader
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
async def send_referral(new: NewInCase, body: ReferralCreate) -> Any:
    return await new.create(lambda: service.send_referral(*new.key, body), "referrals")


@router.get(
    BASE,
    responses=problem_responses(400, 401, 404, 422),
    summary="List referrals",
    description="Referrals of the case in the order they were sent. The read is logged.",
)
async def list_referrals(
    scope: InCase,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        ReferralStatus | None, Query(description="Only referrals in this status")
    ] = None,
) -> Page[ReferralRead]:
    return await scope.page(await service.list_referrals(*scope.key, page, status))


@router.get(
    BASE + "/{referral_id}",
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a referral",
    description="One referral; the ETag is its version. The read is logged.",
)
async def read_referral(scope: InCase, referral_id: ItemId) -> ReferralRead:
    return await scope.read(service.REFERRALS, referral_id)


@router.patch(
    BASE + "/{referral_id}",
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Update a referral's status",
    description="sent → accepted | declined | completed; accepted → completed | declined "
    "(409 `invalid-transition` otherwise). Send If-Match with the referral's ETag.",
)
async def change_referral(
    scope: InCase, referral_id: ItemId, body: ReferralUpdate, if_match: IfMatchHeader = None
) -> ReferralRead:
    return await scope.change(service.change_referral, referral_id, if_match, body)
