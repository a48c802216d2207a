"""A realistic cases data set of any size, bulk-loaded through set-based SQL (issue 16).

The shape follows the state it stands for: organizations of every district (a few large cities,
many small municipalities), several case workers each, cases over five years (about 40 % closed),
plans with goals, consultations, referrals, access-log rows, the audit entries and events of
every case. Every constraint holds (keys, foreign keys, NOT NULL, the org/reference unique
key); contacts and plans name their organization as the `case_org_id` trigger would.
`figure_month` is filled by the same recount the migration runs (its row triggers are off
during the load, which is what a bulk load of millions of rows wants; the recount equals what
they would have kept: tests/cases/test_figure_month.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass

import asyncpg

from bench.dbs import plain_dsn
from services.cases.figures.aggregates import GOAL_KEYS_RECOUNT_SQL, RECOUNT_SQL
from services.common.orgs import org_id_for_ags
from services.common.partitions import PARTITIONED, Month, create_partition_sql, months

CASES_PER_ORG = 7_500  # 3,000,000 cases / 400 organizations in the measurement
WORKERS_PER_ORG = 6.5
MUNICIPALITIES_PER_ORG = 2.7


@dataclass(frozen=True)
class Org:
    ags: str
    path: list[str]
    cases: int
    workers: int
    municipalities: int

    @property
    def org_id(self) -> str:
        return org_id_for_ags(self.ags)


def organizations(total_cases: int) -> list[Org]:
    """Organizations of a state for `total_cases`: a Zipf-like spread (the first, the capital,
    holds about 3 %; the smallest a few dozen cases), each in a district of its region."""
    count = max(4, round(total_cases / CASES_PER_ORG))
    weights = [1 / (rank + 3) ** 0.9 for rank in range(count)]
    scale = total_cases / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[0] += total_cases - sum(sizes)
    orgs = []
    for n, size in enumerate(sizes):
        region = f"08{1 + n % 4}"
        district = f"{region}{(n // 4) % 40 + 11:02d}"
        ags = f"{district}{n:03d}"
        orgs.append(
            Org(
                ags=ags,
                path=["08", region, district, ags],
                cases=size,
                workers=max(2, round(WORKERS_PER_ORG * size / CASES_PER_ORG) or 2),
                municipalities=max(1, round(MUNICIPALITIES_PER_ORG * size / CASES_PER_ORG)),
            )
        )
    return orgs


def worker_of(org: Org, n: int) -> str:
    return f"{org.ags}-cw-{n}"


_ORGS = """
CREATE TEMP TABLE bench_org (
    no int PRIMARY KEY, org_id text, org_path text[], ags text, lo bigint, hi bigint,
    workers int, municipalities int)
"""
# Deterministic pseudo-random numbers from the case number: the same data every run.
_H = "(hashint8(g.n * {k})::bigint & 2147483647)"
_HASH = (
    "CREATE FUNCTION pg_temp._h(t text) RETURNS bigint IMMUTABLE LANGUAGE sql"
    " AS $$ SELECT hashtext(t)::bigint & 2147483647 $$"
)
_REASONS = "(ARRAY['independent','moved','left_programme','other'])"
_CASES = f"""
INSERT INTO client_case (id, org_id, org_path, municipality_ags, reference, pseudonym,
    assigned_worker, status, closing_reason, opened_on, closed_on, next_review_on,
    consent_given_on, consent_scope, consent_means, created_at, updated_at)
SELECT md5('case' || g.n)::uuid, o.org_id, o.org_path,
       o.org_path[3] || lpad((({_H.format(k=7)}) % o.municipalities)::text, 3, '0'),
       'B-' || g.n, 'P-' || g.n, o.ags || '-cw-' || ({_H.format(k=3)}) % o.workers,
       CASE WHEN d.closed THEN 'closed' ELSE 'open' END,
       CASE WHEN d.closed THEN {_REASONS}[1 + g.n % 4] END,
       d.opened,
       CASE WHEN d.closed THEN least(d.opened + (30 + g.n % 400)::int, DATE '2026-11-28') END,
       CASE WHEN NOT d.closed AND g.n % 5 > 0 THEN DATE '2026-09-01' + (g.n % 180)::int END,
       d.opened, ARRAY['personal_data','plan'], 'written',
       d.opened::timestamptz,
       -- most cases last changed long ago, a few in the last days (what `updated_since` syncs)
       least(d.opened + (g.n % 900)::int, DATE '2026-11-28' - (g.n % 97)::int)::timestamptz
FROM bench_org o
CROSS JOIN LATERAL generate_series(o.lo, o.hi) AS g(n)
CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + (({_H.format(k=11)}) % 1790)::int AS opened,
                           ({_H.format(k=13)}) % 10 < 4 AS closed) d
"""  # noqa: S608 - constants only
_PERSONS = """
INSERT INTO person_data (case_id, name, birth_year, country_of_origin, languages, household_size)
SELECT id, 'Person ' || reference, 1960 + pg_temp._h(reference) % 45, 'SY', ARRAY['ar','de'],
       1 + pg_temp._h(reference) % 6
FROM client_case
"""
_PLANS = """
INSERT INTO plan_version (case_id, org_id, number, next_review_on, created_by, created_at)
SELECT c.id, c.org_id, v.number, c.next_review_on, c.assigned_worker,
       c.created_at + ((v.number * 40) || ' days')::interval
FROM client_case c CROSS JOIN LATERAL generate_series(1, 1 + pg_temp._h(c.reference) % 2)
    AS v(number)
WHERE pg_temp._h(c.reference || 'p') % 10 < 8
"""
_GOALS = """
INSERT INTO plan_goal (plan_version_id, position, case_id, field, status, description)
SELECT v.id, p.position, v.case_id,
       (ARRAY['language','work','housing','education','health'])
           [1 + (p.position + v.number + pg_temp._h(v.case_id::text)) % 5],
       (ARRAY['open','in_progress','achieved'])[1 + pg_temp._h(v.id::text) % 3], 'goal'
FROM plan_version v CROSS JOIN generate_series(1, 2) AS p(position)
"""
_CONSULTATIONS = """
INSERT INTO consultation (case_id, org_id, held_on, duration_minutes, mode, fields, recorded_by,
                          created_at, updated_at)
SELECT c.id, c.org_id, least(c.opened_on + (k.n * 23)::int, DATE '2026-11-28'),
       15 + (k.n * 17) % 90,
       (ARRAY['office','phone','video'])[1 + k.n % 3], ARRAY['work'], c.assigned_worker,
       c.created_at + (k.n || ' days')::interval, c.created_at + (k.n || ' days')::interval
FROM client_case c CROSS JOIN LATERAL generate_series(1, pg_temp._h(c.reference) % 8) AS k(n)
"""
_REFERRALS = """
INSERT INTO referral (case_id, org_id, agency, field, referred_on, created_at, updated_at)
SELECT c.id, c.org_id,
       (ARRAY['job_centre','migration_counselling','language_course_provider'])[1 + k.n % 3],
       'work',
       least(c.opened_on + (k.n * 31)::int, DATE '2026-11-28'), c.created_at, c.created_at
FROM client_case c CROSS JOIN LATERAL generate_series(1, pg_temp._h(c.reference) % 3) AS k(n)
"""
_ACCESS = """
INSERT INTO access_log (case_id, org_id, actor, actor_org, action, at)
SELECT c.id, c.org_id, c.assigned_worker, c.org_id, 'case',
       c.updated_at - (k.n || ' hours')::interval
FROM client_case c CROSS JOIN generate_series(1, 2) AS k(n)
"""
_AUDIT = """
INSERT INTO audit_entry (at, actor, actor_org, action, entity_type, entity_id, details)
SELECT c.created_at, c.assigned_worker, c.org_id, 'case.opened', 'case', c.id::text,
       jsonb_build_object('reference', c.reference)
FROM client_case c ORDER BY c.created_at
"""
_EVENTS = """
INSERT INTO outbox_event (tx_num, occurred_at, type, entity_type, entity_id, audience, payload)
SELECT 1, c.created_at, 'case.opened', 'case', c.id::text, ARRAY[c.org_id],
       jsonb_build_object('case_id', c.id::text, 'reference', c.reference)
FROM client_case c ORDER BY c.created_at
"""
_COUNTERS = """
INSERT INTO case_reference_counter (org_id, year, last_value)
SELECT org_id, extract(year FROM opened_on)::int, count(*) FROM client_case GROUP BY 1, 2
ON CONFLICT (org_id, year) DO UPDATE SET last_value = EXCLUDED.last_value
"""
_STEPS = [
    ("cases", _CASES),
    ("persons", _PERSONS),
    ("plans", _PLANS),
    ("goals", _GOALS),
    ("goals on their plan versions", GOAL_KEYS_RECOUNT_SQL),
    ("consultations", _CONSULTATIONS),
    ("referrals", _REFERRALS),
    ("access log", _ACCESS),
    ("audit entries", _AUDIT),
    ("events", _EVENTS),
    ("reference counters", _COUNTERS),
]
_TRIGGERS = [
    ("client_case", "figure_month_write"),
    ("client_case", "figure_month_change"),
    *(
        (t, name)
        for t in ("consultation", "referral", "plan_version")
        for name in ("figure_month_write", "figure_month_change", "case_org_id")
    ),
    ("plan_goal", "plan_goal_keys_write"),
]


async def _load(dsn: str, orgs: list[Org], log: bool) -> dict[str, float]:
    conn = await asyncpg.connect(dsn)
    timings: dict[str, float] = {}
    try:
        await conn.execute(_ORGS)
        await conn.execute(_HASH)
        lo, rows = 1, []
        for no, org in enumerate(orgs):
            rows.append(
                (
                    no,
                    org.org_id,
                    org.path,
                    org.ags,
                    lo,
                    lo + org.cases - 1,
                    org.workers,
                    org.municipalities,
                )
            )
            lo += org.cases
        await conn.copy_records_to_table("bench_org", records=rows)
        # the years of history get their monthly partitions, as the retention job would have
        # made them month by month, instead of all landing in the default partition
        for table in PARTITIONED:
            for month in months(Month(2022, 1), Month.of(dt.datetime.now(dt.UTC))):
                await conn.execute(create_partition_sql(table, month))
        for table, trigger in _TRIGGERS:
            await conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        try:
            for name, sql in _STEPS:
                started = time.monotonic()
                await conn.execute(sql)
                timings[name] = time.monotonic() - started
                if log:
                    print(f"    {name}: {timings[name]:.1f} s", flush=True)
            started = time.monotonic()
            for statement in RECOUNT_SQL:
                await conn.execute(statement)
            timings["figure_month recount"] = time.monotonic() - started
        finally:
            for table, trigger in _TRIGGERS:
                await conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        started = time.monotonic()
        await conn.execute("VACUUM ANALYZE")  # as autovacuum would have left it
        timings["analyze"] = time.monotonic() - started
    finally:
        await conn.close()
    return timings


def load(
    database_url: str, total_cases: int, *, log: bool = True, orgs: list[Org] | None = None
) -> dict[str, float]:
    """Loads `total_cases` cases and everything around them (or just the organizations `orgs`,
    a part of such a spread); returns seconds per step."""
    chosen = organizations(total_cases) if orgs is None else orgs
    return asyncio.run(_load(plain_dsn(database_url), chosen, log))
