"""The key figures' one statement counts what the six plain queries it replaced count (issue 16).

services/cases/figures/repository.py reads an organization's figures in one statement built for
the filters a request uses (docs/PERFORMANCE.md). `REFERENCE` below is the former definition,
one query per figure with every filter optional, kept here as the oracle: hypothesis writes
random cases (workers, commissioning organizations, grants, closings), consultations,
referrals and plan versions with goals, then asks both for random periods and filters and
compares every row, inside a transaction that is rolled back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from typing import Any

import asyncpg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.cases.figures.repository import FIGURES, statement
from services.cases.figures.schemas import Scope

ORGS = ["org-a", "org-b"]
WORKERS = ["cw-1", "cw-2", "cw-3"]
GRANTS = [uuid.UUID(int=1), uuid.UUID(int=2)]
DAYS = st.dates(dt.date(2025, 11, 1), dt.date(2026, 3, 31))
WHEN = st.datetimes(
    dt.datetime(2025, 11, 1),  # noqa: DTZ001 - naive bounds, as hypothesis wants them
    dt.datetime(2026, 3, 31),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)
PICK = st.integers(0, 1_000)
CASE = st.tuples(
    st.just("case"),
    st.integers(0, 1),
    st.sampled_from(WORKERS),
    st.sampled_from([None, "commissioner"]),
    st.sampled_from([None, *GRANTS]),
    DAYS,
    st.one_of(st.none(), st.tuples(DAYS, st.sampled_from(["moved", "other", None]))),
)
PLAN = st.tuples(
    st.just("plan"),
    PICK,
    WHEN,
    st.lists(
        st.tuples(st.sampled_from(["work", "language"]), st.sampled_from(["open", "achieved"])),
        min_size=1,
        max_size=3,
    ),
)
ROWS = st.one_of(
    CASE,
    CASE,
    st.tuples(st.just("consult"), PICK, DAYS, st.integers(5, 240)),
    st.tuples(st.just("refer"), PICK, DAYS, st.sampled_from(["job_centre", "school"])),
    PLAN,
    PLAN,
)
SCOPES = st.tuples(
    st.integers(0, 1),
    DAYS,
    st.integers(0, 120),
    st.sampled_from([None, *WORKERS, "nobody"]),
    st.sampled_from([None, "commissioner"]),
    st.sampled_from([None, *GRANTS]),
)

_SCOPE = (
    "c.org_id = :org AND (CAST(:worker AS text) IS NULL OR c.assigned_worker = :worker)"
    " AND (CAST(:commissioned_by AS text) IS NULL OR c.commissioned_by = :commissioned_by)"
    " AND (CAST(:grant_id AS uuid) IS NULL OR c.grant_id = :grant_id)"
)
_START = "timezone('Europe/Berlin', CAST(:start AS timestamp))"
_AFTER = "timezone('Europe/Berlin', CAST(:end AS timestamp) + interval '1 day')"
REFERENCE = {
    "cases": f"""
        SELECT c.assigned_worker, NULL, NULL,
               count(*) FILTER (WHERE c.opened_on BETWEEN :start AND :end), NULL, NULL
        FROM client_case c WHERE {_SCOPE} GROUP BY 1""",  # noqa: S608 - constants
    "closed": f"""
        SELECT c.assigned_worker, c.closing_reason, NULL, count(*), NULL, NULL
        FROM client_case c
        WHERE {_SCOPE} AND c.status = 'closed' AND c.closed_on BETWEEN :start AND :end
        GROUP BY 1, 2""",  # noqa: S608
    "consultations": f"""
        SELECT c.assigned_worker, NULL, NULL, count(*), sum(k.duration_minutes),
               count(DISTINCT k.case_id)
        FROM consultation k JOIN client_case c ON c.id = k.case_id
        WHERE {_SCOPE} AND k.held_on BETWEEN :start AND :end
        GROUP BY 1""",  # noqa: S608
    "plans": f"""
        SELECT c.assigned_worker, NULL, NULL, count(*) FILTER (WHERE v.number = 1),
               count(*) FILTER (WHERE v.number > 1), NULL
        FROM plan_version v JOIN client_case c ON c.id = v.case_id
        WHERE {_SCOPE} AND v.created_at >= {_START} AND v.created_at < {_AFTER}
        GROUP BY 1""",  # noqa: S608
    "goals": f"""
        WITH latest AS (
            SELECT DISTINCT ON (v.case_id) v.id, c.assigned_worker AS worker
            FROM plan_version v JOIN client_case c ON c.id = v.case_id
            WHERE {_SCOPE} AND c.opened_on <= :end
              AND (c.closed_on IS NULL OR c.closed_on >= :start)
              AND v.created_at < {_AFTER}
            ORDER BY v.case_id, v.number DESC)
        SELECT l.worker, g.field, g.status, count(*), NULL, NULL
        FROM latest l JOIN plan_goal g ON g.plan_version_id = l.id
        GROUP BY 1, 2, 3""",  # noqa: S608
    "referrals": f"""
        SELECT c.assigned_worker, r.agency, NULL, count(*), NULL, NULL
        FROM referral r JOIN client_case c ON c.id = r.case_id
        WHERE {_SCOPE} AND r.referred_on BETWEEN :start AND :end
        GROUP BY 1, 2""",  # noqa: S608
}
_TYPES = {
    "org": "text",
    "start": "date",
    "end": "date",
    "worker": "text",
    "commissioned_by": "text",
    "grant_id": "uuid",
}


def positional(sql: str, values: dict[str, Any]) -> tuple[str, list[Any]]:
    """`:name` binds as asyncpg's `$n`, each cast to its type (a NULL gets one too)."""
    names = [n for n in _TYPES if re.search(rf"(?<!:):{n}\b", sql)]
    for i, name in enumerate(names, 1):
        sql = re.sub(rf"(?<!:):{name}\b", f"CAST(${i} AS {_TYPES[name]})", sql)
    return sql, [values.get(name) for name in names]


async def _write(c: asyncpg.Connection, rows: list[tuple[Any, ...]]) -> None:
    cases: list[Any] = []
    for n, (kind, *args) in enumerate(rows):
        if kind == "case":
            org, worker, commissioner, grant, opened, closing = args
            closed_on, reason = closing if closing and closing[0] >= opened else (None, None)
            cases.append(
                await c.fetchval(
                    "INSERT INTO client_case (org_id, org_path, municipality_ags, reference,"
                    " pseudonym, assigned_worker, commissioned_by, grant_id, opened_on, status,"
                    " closed_on, closing_reason) VALUES ($1, '{08}', '08', $2, 'p', $3, $4, $5,"
                    " $6, $7, $8, $9) RETURNING id",
                    ORGS[org],
                    f"R-{n}",
                    worker,
                    commissioner,
                    grant,
                    opened,
                    "closed" if closed_on else "open",
                    closed_on,
                    reason,
                )
            )
            continue
        if not cases:
            continue
        case_id = cases[args[0] % len(cases)]
        if kind == "consult":
            await c.execute(
                "INSERT INTO consultation (case_id, held_on, duration_minutes, mode, fields,"
                " recorded_by) VALUES ($1, $2, $3, 'office', '{work}', 'cw')",
                case_id,
                *args[1:],
            )
        elif kind == "refer":
            await c.execute(
                "INSERT INTO referral (case_id, referred_on, agency, field)"
                " VALUES ($1, $2, $3, 'work')",
                case_id,
                *args[1:],
            )
        else:
            version = await c.fetchval(
                "INSERT INTO plan_version (case_id, number, created_by, created_at)"
                " SELECT $1, coalesce(max(number), 0) + 1, 'cw', $2 FROM plan_version"
                " WHERE case_id = $1 RETURNING id",
                case_id,
                args[1],
            )
            for position, (field, status) in enumerate(args[2], 1):
                await c.execute(
                    "INSERT INTO plan_goal (plan_version_id, position, case_id, field, status)"
                    " VALUES ($1, $2, $3, $4, $5)",
                    version,
                    position,
                    case_id,
                    field,
                    status,
                )


async def _compare(
    c: asyncpg.Connection, rows: list[tuple[Any, ...]], scopes: list[tuple[Any, ...]]
) -> None:
    tx = c.transaction()
    await tx.start()
    try:
        await _write(c, rows)
        for org, start, days, worker, commissioner, grant in scopes:
            scope = Scope(
                ORGS[org], start, start + dt.timedelta(days=days), worker, commissioner, grant
            )
            values = {name: getattr(scope, name) for name in _TYPES if name != "org"}
            values["org"] = scope.org_id
            sql, args = positional(statement(scope), values)
            got: dict[str, list[tuple[Any, ...]]] = {name: [] for name in FIGURES}
            for r in await c.fetch(sql, *args):
                got[r["part"]].append(tuple(r)[1:])
            for name in FIGURES:
                want = await c.fetch(*_positional_reference(name, values))
                assert sorted(map(tuple, want), key=repr) == sorted(got[name], key=repr), name
    finally:
        await tx.rollback()


def _positional_reference(name: str, values: dict[str, Any]) -> list[Any]:
    sql, args = positional(REFERENCE[name], values)
    return [sql, *args]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(ROWS, min_size=15, max_size=40).map(
        lambda r: [("case", 0, "cw-1", None, None, dt.date(2025, 12, 1), None), *r]
    ),
    scopes=st.lists(SCOPES, min_size=2, max_size=6),
)
def test_one_statement_counts_what_the_plain_queries_count(
    conn: tuple[asyncio.AbstractEventLoop, asyncpg.Connection],
    rows: list[tuple[Any, ...]],
    scopes: list[tuple[Any, ...]],
) -> None:
    loop, c = conn
    loop.run_until_complete(_compare(c, rows, scopes))
