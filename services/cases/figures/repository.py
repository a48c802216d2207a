"""Aggregate queries for key figures: exact counts grouped by case worker (never rows).

One statement reads the organization's cases (in scope) once, into a materialized CTE, and
every figure joins its rows to that: before, six statements scanned the organization's cases
six times. The child rows are found by `org_id` and date through covering indexes (index-only
scans); each case's latest plan version comes from a backward walk of
`ix_plan_version_org_case` (no sort) with the fields and statuses of its goals, which the
version carries (kept by triggers, figures/aggregates.py). Only the filters a request uses
are in its SQL, and the plan is made for the request's values (`plan_cache_mode`): the
generic plan of a prepared statement, with the optional filters guessed at, nested-looped the
largest organization's consultations for minutes (docs/PERFORMANCE.md, issue 16).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.figures.schemas import Scope
from services.common.sql import run

# a period of local (Berlin) days as instants, so `created_at` is compared as it is indexed
_LOCAL_START = "timezone('Europe/Berlin', CAST(:start AS timestamp))"
_LOCAL_AFTER = "timezone('Europe/Berlin', CAST(:end AS timestamp) + interval '1 day')"
_FILTERS = {
    "worker": "c.assigned_worker = :worker",
    "commissioned_by": "c.commissioned_by = :commissioned_by",
    "grant_id": "c.grant_id = :grant_id",
}
# Every part answers (part, worker, key, key2, n, m, persons), named by the first; unused
# columns are NULL. key: closing reason, goal field, agency; key2: goal status; m: minutes of
# consultations, revised plans.
_PARTS = {
    # every worker with a case in scope gets a row, zeros included
    "cases": """
        SELECT 'cases' AS part, c.worker AS worker, NULL AS key, NULL AS key2,
               count(*) FILTER (WHERE c.opened_on BETWEEN :start AND :end) AS n,
               NULL::bigint AS m, NULL::bigint AS persons
        FROM scoped c GROUP BY 2""",
    "closed": """
        SELECT 'closed', c.worker, c.closing_reason, NULL, count(*), NULL, NULL
        FROM scoped c
        WHERE c.status = 'closed' AND c.closed_on BETWEEN :start AND :end
        GROUP BY 2, 3""",
    # per case first: the persons are then the cases counted, with no sort for DISTINCT
    "consultations": """
        SELECT 'consultations', c.worker, NULL, NULL, sum(k.n)::bigint, sum(k.minutes)::bigint,
               count(*)
        FROM (SELECT case_id, count(*) AS n, sum(duration_minutes) AS minutes
              FROM consultation
              WHERE org_id = :org AND held_on BETWEEN :start AND :end
              GROUP BY case_id) k
        JOIN scoped c ON c.id = k.case_id
        GROUP BY 2""",
    "plans": f"""
        SELECT 'plans', c.worker, NULL, NULL, count(*) FILTER (WHERE v.number = 1),
               count(*) FILTER (WHERE v.number > 1), NULL
        FROM plan_version v JOIN scoped c ON c.id = v.case_id
        WHERE v.org_id = :org
          AND v.created_at >= {_LOCAL_START} AND v.created_at < {_LOCAL_AFTER}
        GROUP BY 2""",  # noqa: S608 - constants
    # goals of each case's latest plan version written before the period's end, as the version
    # carries them (`goal_fields`, `goal_statuses`: figures/aggregates.py); the case's scope
    # and dates are the same for all its versions, so they filter after DISTINCT ON
    "goals": """
        SELECT 'goals', x.worker, x.field, x.status, count(*), NULL, NULL
        FROM (SELECT c.worker, unnest(l.goal_fields) AS field,
                     unnest(l.goal_statuses) AS status
              FROM latest l JOIN scoped c ON c.id = l.case_id
              WHERE c.opened_on <= :end
                AND (c.closed_on IS NULL OR c.closed_on >= :start)) x
        GROUP BY 2, 3, 4""",
    "referrals": """
        SELECT 'referrals', c.worker, r.agency, NULL, count(*), NULL, NULL
        FROM referral r JOIN scoped c ON c.id = r.case_id
        WHERE r.org_id = :org AND r.referred_on BETWEEN :start AND :end
        GROUP BY 2, 3""",
}
FIGURES = tuple(_PARTS)
_SETTINGS = text(
    "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
    " set_config('work_mem', '64MB', true), set_config('enable_nestloop', 'off', true),"
    " set_config('enable_mergejoin', 'off', true), set_config('jit', 'off', true)"
)
"""For this transaction (the request runs nothing else in it): the plan for the request's
values, never a prepared statement's generic one (module docstring); hashes and sorts of the
largest organization's rows in memory (the default 4 MB spilled them to disk); hash joins only,
as every join here pairs two sets bounded by the organization, while the planner, guessing the
rows of the materialized CTE from no statistics (10,000 for 56,000), probed per row or sorted
for merge joins; no JIT compilation, which the same wrong guesses (millions of rows) switched
on for 60 ms of compiling."""


def statement(scope: Scope) -> str:
    """The one statement for `scope`: its filters, and nothing for those it does not use."""
    where = " AND ".join(
        ["c.org_id = :org", *(sql for name, sql in _FILTERS.items() if getattr(scope, name))]
    )
    parts = "\nUNION ALL".join(_PARTS.values())
    return f"""
    WITH scoped AS MATERIALIZED (
        SELECT c.id, c.assigned_worker AS worker, c.opened_on, c.closed_on, c.status,
               c.closing_reason
        FROM client_case c WHERE {where}),
    latest AS (
        SELECT DISTINCT ON (v.case_id) v.case_id, v.goal_fields, v.goal_statuses
        FROM plan_version v
        WHERE v.org_id = :org AND v.created_at < {_LOCAL_AFTER}
        ORDER BY v.case_id DESC, v.number DESC)
    {parts}"""  # noqa: S608 - built from constants; every value is a bind parameter


async def aggregates(session: AsyncSession, scope: Scope) -> dict[str, list[Any]]:
    """The rows of each figure, keyed as `FIGURES`, per worker (and agency, reason, goal)."""
    params: dict[str, Any] = {"org": scope.org_id, "start": scope.start, "end": scope.end}
    params.update({name: getattr(scope, name) for name in _FILTERS if getattr(scope, name)})
    await run(session, _SETTINGS)
    rows = (await run(session, text(statement(scope)).bindparams(**params))).all()
    out: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        out[row.part].append(row)
    return {name: out[name] for name in FIGURES}
