"""Aggregate queries for key figures: exact counts grouped by case worker (never rows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.figures.schemas import Scope
from services.common.sql import run

_SCOPE = (
    "c.org_id = :org AND (CAST(:worker AS text) IS NULL OR c.assigned_worker = :worker)"
    " AND (CAST(:commissioned_by AS text) IS NULL OR c.commissioned_by = :commissioned_by)"
    " AND (CAST(:grant_id AS uuid) IS NULL OR c.grant_id = :grant_id)"
)
# a period of local (Berlin) days as instants, so `created_at` is compared as it is indexed
_LOCAL_START = "timezone('Europe/Berlin', CAST(:start AS timestamp))"
_LOCAL_AFTER = "timezone('Europe/Berlin', CAST(:end AS timestamp) + interval '1 day')"

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
        WHERE {_SCOPE} AND k.org_id = :org AND k.held_on BETWEEN :start AND :end
        GROUP BY 1""",  # noqa: S608
    "plans": f"""
        SELECT c.assigned_worker AS worker,
               count(*) FILTER (WHERE v.number = 1) AS created,
               count(*) FILTER (WHERE v.number > 1) AS revised
        FROM plan_version v JOIN client_case c ON c.id = v.case_id
        WHERE {_SCOPE} AND v.org_id = :org
          AND v.created_at >= {_LOCAL_START} AND v.created_at < {_LOCAL_AFTER}
        GROUP BY 1""",  # noqa: S608
    "goals": f"""
        WITH latest AS (
            SELECT DISTINCT ON (v.case_id) v.id, c.assigned_worker AS worker
            FROM plan_version v JOIN client_case c ON c.id = v.case_id
            WHERE {_SCOPE} AND v.org_id = :org AND c.opened_on <= :end
              AND (c.closed_on IS NULL OR c.closed_on >= :start)
              AND v.created_at < {_LOCAL_AFTER}
            ORDER BY v.case_id, v.number DESC)
        SELECT l.worker, g.field, g.status, count(*) AS n
        FROM latest l JOIN plan_goal g ON g.plan_version_id = l.id
        GROUP BY 1, 2, 3""",  # noqa: S608
    "referrals": f"""
        SELECT c.assigned_worker AS worker, r.agency AS key, count(*) AS n
        FROM referral r JOIN client_case c ON c.id = r.case_id
        WHERE {_SCOPE} AND r.org_id = :org AND r.referred_on BETWEEN :start AND :end
        GROUP BY 1, 2""",  # noqa: S608
}


async def aggregates(session: AsyncSession, scope: Scope) -> dict[str, list[Any]]:
    params = {
        "org": scope.org_id,
        "start": scope.start,
        "end": scope.end,
        "worker": scope.worker,
        "commissioned_by": scope.commissioned_by,
        "grant_id": scope.grant_id,
    }
    return {
        name: list((await run(session, text(sql).bindparams(**params))).all())
        for name, sql in QUERIES.items()
    }
