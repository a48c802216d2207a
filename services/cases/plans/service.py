"""Use cases of integration plans: write a version, read current and old versions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.errors import CaseNotFound, ItemNotFound
from services.cases.plans import repository as repo
from services.cases.plans.schemas import Goal, PlanVersionCreate, PlanVersionRead
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit

_GOAL_FIELDS = list(Goal.model_fields)


def to_read(version: Row[Any], goals: list[Row[Any]]) -> PlanVersionRead:
    return PlanVersionRead(
        id=version.id,
        case_id=version.case_id,
        number=version.number,
        change_note=version.change_note,
        next_review_on=version.next_review_on,
        created_by=version.created_by,
        created_at=version.created_at,
        goals=[Goal.model_validate({f: getattr(g, f) for f in _GOAL_FIELDS}) for g in goals],
    )


async def write_version(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    if_match: str | None,
    body: PlanVersionCreate,
) -> PlanVersionRead:
    """Version 1 creates the plan; later versions revise it and need If-Match on the current one.

    The case row is locked first, so two reviews of one plan cannot both become version n+1.
    """
    if await case_repo.get_for_update(session, case_id, who.org) is None:
        raise CaseNotFound()
    current = await repo.latest_number(session, case_id)
    if current:
        check_if_match(if_match, current)
    values = {
        "case_id": case_id,
        "number": current + 1,
        "change_note": body.change_note,
        "next_review_on": body.next_review_on,
        "created_by": who.subject,
    }
    goals = [g.model_dump() for g in body.goals]
    row = await repo.add_version(session, values, goals)
    event = "plan.created" if row.number == 1 else "plan.revised"
    details = {"number": row.number, "goals": len(goals)}
    await record_audit(session, who, event, "case", case_id, details)
    payload = {
        "case_id": str(case_id),
        "number": row.number,
        "next_review_on": row.next_review_on.isoformat() if row.next_review_on else None,
        "goals": [{"field": g["field"], "status": g["status"]} for g in goals],
    }
    await emit(session, event, "case", case_id, [who.org], payload)
    return PlanVersionRead(
        **{**values, "id": row.id, "created_at": row.created_at, "goals": body.goals}
    )


async def read_version(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, number: int | None
) -> PlanVersionRead:
    row = await repo.get_version(session, case_id, number)
    if row is None:
        raise ItemNotFound(
            "This case has no such plan version" if number else "This case has no plan yet"
        )
    await case_repo.log_access(session, case_id, who.org, who, "plan")
    goals = await repo.goals_of(session, [row.id])
    return to_read(row, goals[row.id])


async def read_versions(
    session: AsyncSession, who: Principal, rows: Sequence[Row[Any]]
) -> list[PlanVersionRead]:
    if rows:
        await case_repo.log_access(session, rows[0].case_id, who.org, who, "plan")
    goals = await repo.goals_of(session, [r.id for r in rows])
    return [to_read(r, goals[r.id]) for r in rows]
