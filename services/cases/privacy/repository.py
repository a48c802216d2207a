"""Set-based removal of personal data, and the access log as the privacy officer reads it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.models import (
    access_log,
    client_case,
    consultation,
    person_data,
    plan_goal,
    plan_version,
    referral,
    volunteer_assignment,
)
from services.common.keyset import keyset
from services.common.sql import run

# Every column that may hold personal data, beside the person_data table itself.
FREE_TEXT = {
    consultation: ["notes"],
    referral: ["notes"],
    volunteer_assignment: ["notes"],
    plan_version: ["change_note"],
    plan_goal: ["description", "agreed_steps", "responsible"],
}


async def remove_personal_data(session: AsyncSession, case_ids: Sequence[uuid.UUID]) -> int:
    """Deletes person data and blanks every free-text column of `case_ids`; counts persons removed.

    One statement per table, whatever the number of cases; the anonymous facts (dates, fields,
    statuses, durations) stay, so the key figures do not change.
    """
    ids = list(case_ids)
    if not ids:
        return 0
    removed = (
        await run(session, delete(person_data).where(person_data.c.case_id.in_(ids)))
    ).rowcount
    for table, columns in FREE_TEXT.items():
        await run(
            session, update(table).where(table.c.case_id.in_(ids)).values(dict.fromkeys(columns))
        )
    return int(removed or 0)


async def mark_erased(
    session: AsyncSession, case_ids: Sequence[uuid.UUID], today: dt.date
) -> dt.datetime | None:
    """Cuts the remaining links to the person: pseudonym and external id, consent ended.

    Returns the time of the erasure (one for all cases of the call; None without cases)."""
    stmt = (
        update(client_case)
        .where(client_case.c.id.in_(list(case_ids)))
        .values(
            pseudonym="erased",
            external_id=None,
            erased_at=func.now(),
            consent_withdrawn_on=func.coalesce(client_case.c.consent_withdrawn_on, today),
            version=client_case.c.version + 1,
            updated_at=func.now(),
        )
        .returning(client_case.c.erased_at)
    )
    erased: dt.datetime | None = (await run(session, stmt)).scalars().first()
    return erased


async def anonymizable(
    session: AsyncSession, closed_before: dt.date, limit: int
) -> list[uuid.UUID]:
    stmt = (
        select(client_case.c.id)
        .where(
            client_case.c.status == "closed",
            client_case.c.closed_on < closed_before,
            client_case.c.erased_at.is_(None),
        )
        .order_by(client_case.c.closed_on, client_case.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await run(session, stmt)).scalars().all())


async def access_page(
    session: AsyncSession, case_id: uuid.UUID, *, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    """Reads of the case, newest first."""
    stmt = select(access_log).where(access_log.c.case_id == case_id)
    keys = [access_log.c.id]
    return (await run(session, keyset(stmt, keys, after, limit, descending=True))).all()


async def owners(session: AsyncSession, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    stmt = select(client_case.c.id, client_case.c.org_id).where(
        client_case.c.id.in_(list(case_ids))
    )
    return {r.id: r.org_id for r in (await run(session, stmt)).all()}
