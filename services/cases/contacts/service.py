"""Use cases of consultations and referrals (and, through `add_item`/`change_item`, assignments)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Table
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.contacts import repository as repo
from services.cases.contacts.schemas import (
    ConsultationCreate,
    ConsultationUpdate,
    ReferralCreate,
    ReferralUpdate,
)
from services.cases.errors import InvalidTransition, ItemNotFound
from services.cases.models import consultation, referral
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit

REFERRAL_MOVES = {
    "sent": {"sent", "accepted", "declined", "completed"},
    "accepted": {"accepted", "completed", "declined"},
    "completed": {"completed"},
    "declined": {"declined"},
}


async def add_item(
    session: AsyncSession,
    who: Principal,
    table: Table,
    case_id: uuid.UUID,
    values: dict[str, Any],
    event: str,
    payload: dict[str, Any],
) -> Row[Any]:
    """Inserts a row under the case with its audit entry and event (payload without free text)."""
    row = await repo.add(session, table, {**values, "case_id": case_id})
    await repo.touch_case(session, case_id)
    await record_audit(session, who, event, table.name, row.id, {"case_id": str(case_id)})
    await emit(
        session,
        event,
        table.name,
        row.id,
        [who.org],
        {"case_id": str(case_id), "id": str(row.id), **payload},
    )
    return row


async def change_item(
    session: AsyncSession,
    who: Principal,
    table: Table,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    changes: dict[str, Any],
    event: str,
) -> Row[Any]:
    """Applies `changes` under If-Match (428/412) with its audit entry and event."""
    current = await repo.get(session, table, case_id, item_id, lock=True)
    if current is None:
        raise ItemNotFound()
    check_if_match(if_match, current.version)
    return await _apply(session, who, table, current, changes, event)


async def _apply(
    session: AsyncSession,
    who: Principal,
    table: Table,
    current: Row[Any],
    changes: dict[str, Any],
    event: str,
) -> Row[Any]:
    for key, value in changes.items():
        if value is None and key != "notes" and not table.c[key].nullable:
            raise InvalidTransition(f"{key} cannot be null")
    row = await repo.change(session, table, current.id, changes)
    await repo.touch_case(session, current.case_id)
    safe = {k: v for k, v in changes.items() if k != "notes"}
    await record_audit(
        session,
        who,
        event,
        table.name,
        row.id,
        {"case_id": str(current.case_id), "fields": sorted(changes)},
    )
    payload = {
        "case_id": str(current.case_id),
        "id": str(row.id),
        **{k: str(v) for k, v in safe.items()},
    }
    await emit(session, event, table.name, row.id, [who.org], payload)
    return row


async def log_consultation(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: ConsultationCreate
) -> Row[Any]:
    payload = {
        "held_on": body.held_on.isoformat(),
        "duration_minutes": body.duration_minutes,
        "fields": body.fields,
    }
    values = {**body.model_dump(), "recorded_by": who.subject}
    return await add_item(
        session, who, consultation, case_id, values, "consultation.logged", payload
    )


async def change_consultation(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: ConsultationUpdate,
) -> Row[Any]:
    changes = body.model_dump(exclude_unset=True)
    return await change_item(
        session, who, consultation, case_id, item_id, if_match, changes, "consultation.changed"
    )


async def send_referral(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, body: ReferralCreate
) -> Row[Any]:
    payload = {
        "agency": body.agency,
        "field": body.field,
        "referred_on": body.referred_on.isoformat(),
    }
    return await add_item(
        session, who, referral, case_id, body.model_dump(), "referral.sent", payload
    )


async def change_referral(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    body: ReferralUpdate,
) -> Row[Any]:
    current = await repo.get(session, referral, case_id, item_id, lock=True)
    if current is None:
        raise ItemNotFound()
    check_if_match(if_match, current.version)
    changes = body.model_dump(exclude_unset=True)
    status = changes.get("status")
    if "status" in changes and (status is None or status not in REFERRAL_MOVES[current.status]):
        raise InvalidTransition(
            f"A referral that is {current.status} cannot become {status}",
            current_status=current.status,
        )
    event = f"referral.{status}" if status and status != current.status else "referral.changed"
    return await _apply(session, who, referral, current, changes, event)
