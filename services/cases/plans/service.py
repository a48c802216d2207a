"""Use cases of integration plans: write a version, read current and old versions."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.casefile.service import announce, lock_case, read_personal
from services.cases.errors import ItemNotFound
from services.cases.plans import repository as repo
from services.cases.plans.schemas import Goal, PlanVersionCreate, PlanVersionRead
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts


def to_read(version: Row[Any], goals: list[Row[Any]]) -> PlanVersionRead:
    goal_list = [Goal.model_validate(goal, from_attributes=True) for goal in goals]
    return PlanVersionRead.model_validate({**version._mapping, "goals": goal_list})


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
    await lock_case(session, who, case_id)
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
    await case_repo.touch(session, case_id, next_review_on=row.next_review_on)
    event = "plan.created" if row.number == 1 else "plan.revised"
    payload = {
        "case_id": str(case_id),
        "number": row.number,
        "next_review_on": row.next_review_on.isoformat() if row.next_review_on else None,
        "goals": [{"field": g["field"], "status": g["status"]} for g in goals],
    }
    details = {"number": row.number, "goals": len(goals)}
    await announce(session, who, event, case_id, details=details, payload=payload)
    return PlanVersionRead(
        **{**values, "id": row.id, "created_at": row.created_at, "goals": body.goals}
    )


async def read_version(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, number: int | None
) -> PlanVersionRead:
    """Version `number` (None: the current one) with its goals; the read is logged."""
    row = await repo.get_version(session, case_id, number)
    if row is None:
        raise ItemNotFound(
            texts(
                "This case has no such plan version",
                "Dieser Fall hat keine solche Version des Hilfeplans",
            )
            if number
            else texts("This case has no plan yet", "Dieser Fall hat noch keinen Hilfeplan")
        )
    await read_personal(session, who, case_id, "plan")
    goals = await repo.goals_of(session, [row.id])
    return to_read(row, goals[row.id])


async def list_versions(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, page: PageParams
) -> Page[PlanVersionRead]:
    """The plan's versions, oldest first; reading any is logged."""
    after = cursor_after(page.cursor, int)
    rows = await repo.list_versions(session, case_id, limit=page.limit, after=after)
    if rows:
        await read_personal(session, who, case_id, "plan")
    goals = await repo.goals_of(session, [r.id for r in rows[: page.limit]])
    return make_page(
        rows, page.limit, key=lambda r: (r.number,), to_item=lambda r: to_read(r, goals[r.id])
    )


async def versions_of(session: AsyncSession, case_id: uuid.UUID) -> list[PlanVersionRead]:
    """Every version with its goals, for a read already logged (the export)."""
    rows = await repo.list_versions(session, case_id, limit=10_000, after=None)
    goals = await repo.goals_of(session, [r.id for r in rows])
    return [to_read(r, goals[r.id]) for r in rows]
