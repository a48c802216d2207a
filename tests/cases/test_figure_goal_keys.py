"""A plan version's `goal_fields` / `goal_statuses` equal its goals after any changes (issue 16).

The row triggers of services/cases/figures/aggregates.py keep them in the transaction of each
insert, update or delete of a goal (the key figures read the goals of each case's latest plan
from the version). Hypothesis writes random sequences of plan versions and goal changes in SQL,
then compares every version with `GOAL_KEYS_RECOUNT_SELECT` in the same transaction, which is
rolled back afterwards.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.cases.figures.aggregates import GOAL_KEYS_RECOUNT_SELECT, GOAL_KEYS_STORED_SELECT
from tests.support.recount import stored_equals_recount

PICK = st.integers(0, 1_000)
FIELDS = st.sampled_from(["work", "language", "housing"])
STATUSES = st.sampled_from(["open", "in_progress", "achieved"])
OPS = st.one_of(
    st.tuples(st.just("case")),
    st.tuples(st.just("plan"), PICK),
    st.tuples(st.just("goal"), PICK, FIELDS, STATUSES),
    st.tuples(st.just("change"), PICK, FIELDS, STATUSES),
    st.tuples(st.just("describe"), PICK),
    st.tuples(st.just("move"), PICK, PICK),
    st.tuples(st.just("renumber"), PICK),
    st.tuples(st.just("delete_goal"), PICK),
    st.tuples(st.just("delete_plan"), PICK),
    st.tuples(st.just("delete_case"), PICK),
)
# the goal picked by its place among all goals ($1)
_PICKED = "(plan_version_id, position) = (SELECT plan_version_id, position FROM plan_goal"
_PICKED += " ORDER BY 1, 2 LIMIT 1 OFFSET $1)"
_SQL = {
    "plan": "INSERT INTO plan_version (case_id, number, created_by)"
    " SELECT $1, coalesce(max(number), 0) + 1, 'cw' FROM plan_version WHERE case_id = $1",
    "goal": "INSERT INTO plan_goal (plan_version_id, position, case_id, field, status)"
    " SELECT $1, coalesce(max(g.position), 0) + 1, v.case_id, $2, $3"
    " FROM plan_version v LEFT JOIN plan_goal g ON g.plan_version_id = v.id"
    " WHERE v.id = $1 GROUP BY v.case_id",
    "change": "UPDATE plan_goal SET field = $2, status = $3 WHERE " + _PICKED,  # noqa: S608
    "describe": "UPDATE plan_goal SET description = 'x' WHERE " + _PICKED,  # noqa: S608
    # a goal moved behind the last goal of another version (any), or of its own
    "move": "UPDATE plan_goal SET plan_version_id = $2, position = (SELECT"  # noqa: S608
    " coalesce(max(position), 0) + 1 FROM plan_goal WHERE plan_version_id = $2) WHERE " + _PICKED,
    "renumber": "UPDATE plan_goal g SET position = (SELECT max(position) + 1"  # noqa: S608
    " FROM plan_goal WHERE plan_version_id = g.plan_version_id) WHERE " + _PICKED,
    "delete_goal": "DELETE FROM plan_goal WHERE " + _PICKED,  # noqa: S608
    "delete_plan": "DELETE FROM plan_version WHERE id = $1",
    "delete_case": "DELETE FROM client_case WHERE id = $1",
}


async def _nth(c: asyncpg.Connection, table: str, pick: int) -> Any:
    count = await c.fetchval(f"SELECT count(*) FROM {table}")  # noqa: S608 - constants
    if not count:
        return None
    return await c.fetchval(
        f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET $1",  # noqa: S608
        pick % count,
    )


async def _apply(c: asyncpg.Connection, ops: list[tuple[Any, ...]]) -> None:
    for n, (kind, *args) in enumerate(ops):
        if kind == "case":
            await c.execute(
                "INSERT INTO client_case (org_id, org_path, municipality_ags, reference,"
                " pseudonym, assigned_worker, opened_on) VALUES ('org-a', '{08}', '08', $1, 'p',"
                " 'cw', DATE '2026-01-05')",
                f"R-{n}",
            )
        elif kind in ("plan", "delete_case"):
            case_id = await _nth(c, "client_case", args[0])
            if case_id is not None:
                await c.execute(_SQL[kind], case_id)
        elif kind in ("goal", "delete_plan"):
            version = await _nth(c, "plan_version", args[0])
            if version is not None:
                await c.execute(_SQL[kind], version, *args[1:])
        else:
            goals = await c.fetchval("SELECT count(*) FROM plan_goal")
            if not goals:
                continue
            if kind == "move":
                version = await _nth(c, "plan_version", args[1])
                await c.execute(_SQL[kind], args[0] % goals, version)
            else:
                await c.execute(_SQL[kind], args[0] % goals, *args[1:])


async def _compare(c: asyncpg.Connection, ops: list[tuple[Any, ...]]) -> None:
    await stored_equals_recount(
        c, lambda: _apply(c, ops), GOAL_KEYS_STORED_SELECT, GOAL_KEYS_RECOUNT_SELECT
    )


SEQUENCES = st.lists(OPS, min_size=5, max_size=30).map(
    lambda ops: [("case",), ("plan", 0), ("goal", 0, "work", "open"), *ops]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=SEQUENCES)
def test_versions_carry_their_goals(
    conn: tuple[asyncio.AbstractEventLoop, asyncpg.Connection], ops: list[tuple[Any, ...]]
) -> None:
    loop, c = conn
    loop.run_until_complete(_compare(c, ops))
