"""`figure_month` equals a full recount after any sequence of changes (issue 16).

The triggers of services/cases/figures/aggregates.py keep the monthly figures in the transaction
of each change. Hypothesis writes random sequences of inserts, updates and deletes of cases,
consultations, referrals and plan versions straight in SQL (the triggers serve every writer,
the API's and any other), then compares the table with `RECOUNT_SELECT` inside the same
transaction, which is rolled back afterwards.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import asyncpg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.cases.figures.aggregates import RECOUNT_SELECT, STORED_SELECT
from tests.support.recount import stored_equals_recount

ORGS = [("org-a", ["08", "081", "08117"]), ("org-b", ["08", "082", "08212"])]
DAYS = st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 10))
# naive bounds, as hypothesis wants them; every value it draws is in UTC
WHEN = st.datetimes(
    dt.datetime(2025, 11, 25),  # noqa: DTZ001
    dt.datetime(2026, 2, 5),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)
REASONS = st.sampled_from(["independent", "moved", "other", None])
AGENCIES = st.sampled_from(["job_centre", "migration_counselling", "school"])
PICK = st.integers(0, 1_000)

OPEN = st.tuples(st.just("open"), st.integers(0, 1), DAYS)
OPS = st.one_of(
    OPEN,
    st.tuples(st.just("close"), PICK, DAYS, REASONS),
    st.tuples(st.just("reopen"), PICK),
    st.tuples(st.just("move_opened"), PICK, DAYS),
    st.tuples(st.just("delete_case"), PICK),
    st.tuples(st.just("consult"), PICK, DAYS, st.integers(5, 240)),
    st.tuples(st.just("change_consultation"), PICK, DAYS, st.integers(5, 240)),
    st.tuples(st.just("delete_consultation"), PICK),
    st.tuples(st.just("refer"), PICK, DAYS, AGENCIES),
    st.tuples(st.just("change_referral"), PICK, AGENCIES),
    st.tuples(st.just("plan"), PICK, WHEN),
    st.tuples(st.just("touch"), PICK),
)

_SQL = {
    "close": "UPDATE client_case SET status = 'closed', closed_on = $2, closing_reason = $3"
    " WHERE id = $1",
    "reopen": "UPDATE client_case SET status = 'open', closed_on = NULL, closing_reason = NULL"
    " WHERE id = $1",
    "move_opened": "UPDATE client_case SET opened_on = $2 WHERE id = $1",
    "delete_case": "DELETE FROM client_case WHERE id = $1",
    "touch": "UPDATE client_case SET updated_at = now(), version = version + 1 WHERE id = $1",
    "consult": "INSERT INTO consultation (case_id, held_on, duration_minutes, mode, fields,"
    " recorded_by) VALUES ($1, $2, $3, 'in_person', '{work}', 'cw')",
    "change_consultation": "UPDATE consultation SET held_on = $2, duration_minutes = $3"
    " WHERE id = (SELECT id FROM consultation ORDER BY id LIMIT 1 OFFSET $1)",
    "delete_consultation": "DELETE FROM consultation"
    " WHERE id = (SELECT id FROM consultation ORDER BY id LIMIT 1 OFFSET $1)",
    "refer": "INSERT INTO referral (case_id, referred_on, agency, field)"
    " VALUES ($1, $2, $3, 'work')",
    "change_referral": "UPDATE referral SET agency = $2"
    " WHERE id = (SELECT id FROM referral ORDER BY id LIMIT 1 OFFSET $1)",
    "plan": "INSERT INTO plan_version (case_id, number, created_by, created_at)"
    " SELECT $1, coalesce(max(number), 0) + 1, 'cw', $2 FROM plan_version WHERE case_id = $1",
}
_ON_ROWS = {"change_consultation": "consultation", "delete_consultation": "consultation"}
_ON_ROWS["change_referral"] = "referral"


async def _open(c: asyncpg.Connection, org: int, day: dt.date, n: int) -> Any:
    org_id, path = ORGS[org]
    return await c.fetchval(
        "INSERT INTO client_case (org_id, org_path, municipality_ags, reference, pseudonym,"
        " assigned_worker, opened_on) VALUES ($1, $2, $3, $4, 'p', 'cw', $5) RETURNING id",
        org_id,
        path,
        path[-1],
        f"R-{n}",
        day,
    )


async def _apply(c: asyncpg.Connection, ops: list[tuple[Any, ...]]) -> None:
    for n, (kind, *args) in enumerate(ops):
        if kind == "open":
            await _open(c, args[0], args[1], n)
            continue
        table = _ON_ROWS.get(kind)
        count = await c.fetchval(f"SELECT count(*) FROM {table or 'client_case'}")  # noqa: S608
        if not count:
            continue
        if table:  # the row is picked by its place among the table's rows
            await c.execute(_SQL[kind], args[0] % count, *args[1:])
            continue
        case_id = await c.fetchval(
            "SELECT id FROM client_case ORDER BY id LIMIT 1 OFFSET $1", args[0] % count
        )
        await c.execute(_SQL[kind], case_id, *args[1:])


async def _compare(c: asyncpg.Connection, ops: list[tuple[Any, ...]]) -> None:
    await stored_equals_recount(c, lambda: _apply(c, ops), STORED_SELECT, RECOUNT_SELECT)


# every sequence starts with a few cases, so the changes after them have rows to work on
SEQUENCES = st.tuples(st.lists(OPEN, min_size=1, max_size=3), st.lists(OPS, max_size=25)).map(
    lambda parts: parts[0] + parts[1]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=SEQUENCES)
def test_monthly_figures_equal_a_recount(
    conn: tuple[asyncio.AbstractEventLoop, asyncpg.Connection], ops: list[tuple[Any, ...]]
) -> None:
    loop, c = conn
    loop.run_until_complete(_compare(c, ops))


def test_children_carry_their_case_organization(
    conn: tuple[asyncio.AbstractEventLoop, asyncpg.Connection],
) -> None:
    loop, c = conn

    async def check() -> None:
        tx = c.transaction()
        await tx.start()
        try:
            case_id = await _open(c, 1, dt.date(2026, 1, 5), 0)
            await c.execute(_SQL["consult"], case_id, dt.date(2026, 1, 6), 30)
            await c.execute(_SQL["refer"], case_id, dt.date(2026, 1, 6), "jobcenter")
            await c.execute(_SQL["plan"], case_id, dt.datetime(2026, 1, 6, tzinfo=dt.UTC))
            for table in ("consultation", "referral", "plan_version"):
                org = await c.fetchval(f"SELECT org_id FROM {table} WHERE case_id = $1", case_id)  # noqa: S608
                assert org == "org-b"
        finally:
            await tx.rollback()

    loop.run_until_complete(check())
