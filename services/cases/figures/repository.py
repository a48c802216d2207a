"""Aggregate queries for key figures: exact counts grouped by case worker (never rows)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.sql import run

_SCOPE = "c.org_id = :org AND (CAST(:worker AS text) IS NULL OR c.assigned_worker = :worker)"
_LOCAL_DAY = "CAST(timezone('Europe/Berlin', {col}) AS date)"

# Built from constants only; every value is a bind parameter.
QUERIES = {
    "cases": f"""
        SELECT c.assigned_worker AS worker,
               count(*) FILTER (WHERE c.opened_on BETWEEN :start AND :end) AS new_cases
        FROM client_case c WHERE {_SCOPE} GROUP BY 1""",  # noqa: S608
    "closed": f"""
        SELECT c.assigned_worker AS worker, c.closing_reason AS key, count(*) AS n
        FROM client_case c
        WHERE {_SCOPE} AND c.status = 'closed' AND c.closed_on BETWEEN :start AND :end
        GROUP BY 1, 2""",  # noqa: S608
    "consultations": f"""
        SELECT c.assigned_worker AS worker, count(*) AS n, sum(k.duration_minutes) AS minutes,
               count(DISTINCT k.case_id) AS persons
        FROM consultation k JOIN client_case c ON c.id = k.case_id
        WHERE {_SCOPE} AND k.held_on BETWEEN :start AND :end
        GROUP BY 1""",  # noqa: S608
    "plans": f"""
        SELECT c.assigned_worker AS worker,
               count(*) FILTER (WHERE v.number = 1) AS created,
               count(*) FILTER (WHERE v.number > 1) AS revised
        FROM plan_version v JOIN client_case c ON c.id = v.case_id
        WHERE {_SCOPE} AND {_LOCAL_DAY.format(col="v.created_at")} BETWEEN :start AND :end
        GROUP BY 1""",  # noqa: S608
    "goals": f"""
        WITH latest AS (
            SELECT DISTINCT ON (v.case_id) v.id, c.assigned_worker AS worker
            FROM plan_version v JOIN client_case c ON c.id = v.case_id
            WHERE {_SCOPE} AND c.opened_on <= :end
              AND (c.closed_on IS NULL OR c.closed_on >= :start)
              AND {_LOCAL_DAY.format(col="v.created_at")} <= :end
            ORDER BY v.case_id, v.number DESC)
        SELECT l.worker, g.field, g.status, count(*) AS n
        FROM latest l JOIN plan_goal g ON g.plan_version_id = l.id
        GROUP BY 1, 2, 3""",  # noqa: S608
    "referrals": f"""
        SELECT c.assigned_worker AS worker, r.agency AS key, count(*) AS n
        FROM referral r JOIN client_case c ON c.id = r.case_id
        WHERE {_SCOPE} AND r.referred_on BETWEEN :start AND :end
        GROUP BY 1, 2""",  # noqa: S608
}


async def owner_path(session: AsyncSession, org_id: str) -> list[str] | None:
    """The AGS chain stored with the organization's cases (None if it has no cases)."""
    row = (
        await run(
            session,
            text("SELECT org_path FROM client_case WHERE org_id = :org LIMIT 1").bindparams(
                org=org_id
            ),
        )
    ).first()
    return list(row.org_path) if row is not None else None


async def aggregates(
    session: AsyncSession, org_id: str, start: dt.date, end: dt.date, worker: str | None
) -> dict[str, list[Any]]:
    params = {"org": org_id, "start": start, "end": end, "worker": worker}
    return {
        name: list((await run(session, text(sql).bindparams(**params))).all())
        for name, sql in QUERIES.items()
    }
