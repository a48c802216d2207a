"""Use cases of consultations and referrals: rows under a case, through `items.service`."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.contacts import repository as repo
from services.cases.contacts.schemas import (
    ConsultationCreate,
    ConsultationRead,
    ConsultationUpdate,
    ReferralCreate,
    ReferralRead,
    ReferralUpdate,
)
from services.cases.errors import InvalidTransition
from services.cases.items import service as items
from services.cases.models import consultation, referral
from services.cases.vocab import Field_, ReferralStatus
from services.common.auth import Principal
from services.common.pagination import Page, PageParams
from services.common.problem_types import texts

CONSULTATIONS = items.Kind(consultation, ConsultationRead, "consultations")
REFERRALS = items.Kind(referral, ReferralRead, "referrals")
REFERRAL_MOVES = {
    "sent": {"sent", "accepted", "declined", "completed"},
    "accepted": {"accepted", "completed", "declined"},
    "completed": {"completed"},
    "declined": {"declined"},
}


async def log_consultation(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: ConsultationCreate
) -> ConsultationRead:
    """Records a counselling contact; the event tells date, duration and fields (no notes)."""
    payload = {
        "held_on": body.held_on.isoformat(),
        "duration_minutes": body.duration_minutes,
        "fields": body.fields,
    }
    values = {**body.model_dump(), "recorded_by": who.subject}
    return await items.add(
        session, who, CONSULTATIONS, case_id, values, "consultation.logged", payload
    )


async def change_consultation(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: ConsultationUpdate,
) -> ConsultationRead:
    """Corrects a consultation under If-Match."""
    changes = body.model_dump(exclude_unset=True)
    return await items.change(
        session, who, CONSULTATIONS, case_id, item_id, if_match, changes, "consultation.changed"
    )


async def list_consultations(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    page: PageParams,
    field: Field_ | None,
) -> Page[ConsultationRead]:
    """The case's consultations, oldest first (only those about `field`); the read is logged."""
    filters = repo.consultation_filters(field)
    return await items.page(session, who, CONSULTATIONS, case_id, page, filters)


async def send_referral(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: ReferralCreate
) -> ReferralRead:
    """Records a referral in status `sent`."""
    payload = {
        "agency": body.agency,
        "field": body.field,
        "referred_on": body.referred_on.isoformat(),
    }
    return await items.add(
        session, who, REFERRALS, case_id, body.model_dump(), "referral.sent", payload
    )


async def change_referral(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: ReferralUpdate,
) -> ReferralRead:
    """Moves a referral on (forward only, see `REFERRAL_MOVES`) under If-Match."""
    changes = body.model_dump(exclude_unset=True)

    def move(current: Row[Any]) -> str:
        status = changes.get("status")
        if "status" in changes and (status is None or status not in REFERRAL_MOVES[current.status]):
            raise InvalidTransition(
                texts(
                    f"A referral that is {current.status} cannot become {status}",
                    f"Eine Vermittlung im Status {current.status} kann nicht in den Status "
                    f"{status} wechseln",
                ),
                current_status=current.status,
            )
        return f"referral.{status}" if status and status != current.status else "referral.changed"

    return await items.change(session, who, REFERRALS, case_id, item_id, if_match, changes, move)


async def list_referrals(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    page: PageParams,
    status: ReferralStatus | None,
) -> Page[ReferralRead]:
    """The case's referrals, oldest first (only those in `status`); the read is logged."""
    filters = repo.referral_filters(status)
    return await items.page(session, who, REFERRALS, case_id, page, filters)
