"""`python -m bench.feed_plan [EVENTS]`: the events feed's query plans, the audience filter on
the outbox against `outbox_reader`, on a throwaway database (docs/PERFORMANCE.md, issue 16).

Loads EVENTS events (default 600,000) over two months into a migrated cases database, 400
organizations in a skewed spread plus one small organization with one event in 4,000, then
prints `EXPLAIN (ANALYZE, BUFFERS)` of the first page (101 rows) and of a page from a cursor
for the small, a medium and the largest organization: "before" is the feed's former query (the
audience filter on `outbox_event`), "after" is `read_feed`'s. The database is dropped at the end.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import Select, select, tuple_
from sqlalchemy.dialects import postgresql

from bench.dbs import Throwaway, plain_dsn
from services.common import outbox
from services.common.tables import outbox_event

_LOAD = """
CREATE TABLE IF NOT EXISTS outbox_event_p2026_10 PARTITION OF outbox_event
    FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
CREATE TABLE IF NOT EXISTS outbox_reader_p2026_10 PARTITION OF outbox_reader
    FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');
INSERT INTO outbox_event (tx_num, occurred_at, type, entity_type, entity_id, audience, payload)
SELECT 1 + (i * 3000::bigint) / {n},
       timestamptz '2026-10-01' + i * interval '8.5 seconds' * 600000 / {n},
       'case.opened', 'case', i::text,
       ARRAY[CASE WHEN i % 4000 = 7 THEN 'org-small'
                  ELSE 'org-' || (floor(399 * power(random(), 2)))::int END],
       jsonb_build_object('case_id', i::text)
FROM generate_series(1, {n}) AS i ORDER BY i;
VACUUM ANALYZE outbox_event;
VACUUM ANALYZE outbox_reader;
"""  # the months are fixed: the current month's partitions exist from the migration


def _before(audience: list[str], after: tuple[int, int] | None, limit: int) -> Select[Any]:
    """The feed's query before common revision 0006."""
    e = outbox_event
    stmt = select(e).where(outbox.settled(), outbox.visible_to(audience))
    if after is not None:
        stmt = stmt.where(tuple_(e.c.tx_num, e.c.id) > outbox._position(after))
    return stmt.order_by(e.c.tx_num, e.c.id).limit(limit)


def _after(audience: list[str], after: tuple[int, int] | None, limit: int) -> Select[Any]:
    return outbox._feed_of(audience, after, None, limit)


async def _explain(conn: asyncpg.Connection, stmt: Select[Any]) -> str:
    compiled = stmt.compile(dialect=postgresql.asyncpg.dialect())  # type: ignore[no-untyped-call]
    params = [compiled.params[name] for name in compiled.positiontup or []]
    rows = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + str(compiled), *params)
    return "\n".join(row[0] for row in rows)


async def _show(dsn: str, events: int) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        for statement in _LOAD.format(n=events).split(";\n"):
            if statement.strip():
                await conn.execute(statement)  # one by one: VACUUM refuses a transaction
        counts = await conn.fetch(
            "SELECT org, count(*) AS n FROM outbox_reader GROUP BY org ORDER BY n"
        )
        small, largest = counts[0]["org"], counts[-1]["org"]
        medium = counts[len(counts) // 2]["org"]
        middle = await conn.fetchrow(
            "SELECT tx_num, id FROM outbox_event ORDER BY tx_num, id OFFSET $1 LIMIT 1",
            events // 2,
        )
        cursor = (middle["tx_num"], middle["id"]) if middle else None
        sizes = {row["org"]: row["n"] for row in counts}
        builders: dict[str, Callable[..., Select[Any]]] = {"before": _before, "after": _after}
        for org in (small, medium, largest):
            for start in (None, cursor):
                for name, build in builders.items():
                    await _explain(conn, build([org], start, 101))  # warm the cache
                    plan = await _explain(conn, build([org], start, 101))
                    where = "first page" if start is None else f"from cursor {start}"
                    print(f"=== {name}: {org} ({sizes[org]} events), {where}\n{plan}\n")
    finally:
        await conn.close()


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 600_000
    dbs = Throwaway()
    try:
        url = dbs.create("feed", migrate_service="cases")
        asyncio.run(_show(plain_dsn(url), events))
    finally:
        dbs.drop_all()


if __name__ == "__main__":
    main()
