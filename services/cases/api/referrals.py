"""/cases/v1/cases/{case_id}/referrals: hand-overs to other agencies."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.cases.api.items import item_routes
from services.cases.api.scope import InCase, NewInCase
from services.cases.contacts import service
from services.cases.contacts.schemas import ReferralCreate, ReferralRead, ReferralUpdate
from services.cases.vocab import ReferralStatus
from services.common.concurrency import IfMatchHeader
from services.common.pagination import Page, PageParams, page_params

router = APIRouter(tags=["referrals"])
routes = item_routes(router, "referrals", "referral_id")
ItemId = Annotated[uuid.UUID, Path(description="Id of the referral")]


@routes.create(
    "Refer the person to an agency",
    "Records a referral in status `sent`. Accepts `Idempotency-Key`. Emits `referral.sent`.",
    ReferralRead,
)
async def send_referral(new: NewInCase, body: ReferralCreate) -> Any:
    return await new.create(lambda: service.send_referral(*new.key, body), "referrals")


@routes.listing(
    "List referrals", "Referrals of the case in the order they were sent. The read is logged."
)
async def list_referrals(
    scope: InCase,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[
        ReferralStatus | None, Query(description="Only referrals in this status")
    ] = None,
) -> Page[ReferralRead]:
    return await scope.page(await service.list_referrals(*scope.key, page, status))


@routes.read("Read a referral", "One referral; the ETag is its version. The read is logged.")
async def read_referral(scope: InCase, referral_id: ItemId) -> ReferralRead:
    return await scope.read(service.REFERRALS, referral_id)


@routes.change(
    "Update a referral's status",
    "sent → accepted | declined | completed; accepted → completed | declined "
    "(409 `invalid-transition` otherwise). Send If-Match with the referral's ETag.",
)
async def change_referral(
    scope: InCase, referral_id: ItemId, body: ReferralUpdate, if_match: IfMatchHeader = None
) -> ReferralRead:
    return await scope.change(service.change_referral, referral_id, if_match, body)
