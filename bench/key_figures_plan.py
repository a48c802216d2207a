"""`python -m bench.key_figures_plan [--cases N] [--others M]`: key figures of the largest
organization, timed and explained at its size in a 3 million case state, without loading the
other 2.9 million (docs/PERFORMANCE.md, issue 16).

Loads, through bench/scale_data.py's SQL, the largest organization of a 3,000,000 case spread
(about 90,000 cases; `--cases` sets another size) and two small organizations (or the
smallest ones up to `--others` cases) into a migrated cases database, then times the service
function `key_figures` for one year (median / max of `--rounds`) unfiltered (published and
exact), for one case worker and with the `commissioned_by` and `grant_id` filters, and prints
`EXPLAIN (ANALYZE, BUFFERS)` of every statement the unfiltered request runs (caught as
SQLAlchemy sends them, so the plans are those of the code as it is). `--database URL` reuses a
loaded database; `--keep` leaves the new one in place (its URL is printed); otherwise it is
dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import statistics
import time
import uuid
from typing import Any

import httpx
from sqlalchemy import event

from bench.dbs import Throwaway
from bench.scale_data import CASES_PER_ORG, WORKERS_PER_ORG, Org, load, organizations
from services.cases.figures.directory import Directory
from services.cases.figures.schemas import Scope
from services.cases.figures.service import key_figures
from services.common.auth import Principal
from services.common.db import make_engine, make_sessionmaker
from services.common.policy import EXACT_FIGURES_SCOPE

STATE = 3_000_000
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def chosen_orgs(cases: int, others: int) -> list[Org]:
    """The largest organization of a state of `STATE` cases, resized to `cases`, and the
    smallest others of that state up to `others` cases (at least two), so that every query has
    other organizations' rows to leave aside and the planner sees the largest as one of many."""
    spread = organizations(STATE)
    largest = dataclasses.replace(
        spread[0],
        cases=cases,
        workers=max(2, round(WORKERS_PER_ORG * cases / CASES_PER_ORG)),
    )
    chosen = [largest]
    for org in reversed(spread[1:]):
        if len(chosen) > 2 and sum(o.cases for o in chosen[1:]) >= others:
            break
        chosen.append(org)
    return chosen


def _reader(org: str, *, exact: bool) -> Principal:
    return Principal(
        subject="bench-key-figures",
        org=org,
        org_kind="municipality",
        org_path=(),
        roles=frozenset({"case_worker"}),
        scopes=frozenset({EXACT_FIGURES_SCOPE} if exact else ()),
        token_id="bench-jti",  # noqa: S106 - a token id, no secret
        expires_at=2**31,
    )


async def _measure(url: str, org: Org, rounds: int) -> None:
    engine = make_engine(
        "postgresql+asyncpg://" + url.split("://", 1)[1],
        app_name="bench-key-figures",
        pool_size=1,
        statement_timeout_ms=0,
    )
    sent: list[tuple[str, Any]] = []

    def catch(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    # never asked: the reader is the organization itself (check_reader returns first)
    async with httpx.AsyncClient() as http:
        directory = Directory(http, "http://127.0.0.1:9/auth/.well-known/jwks.json", "")
        start, end = YEAR
        worker = f"{org.ags}-cw-0"
        variants: list[tuple[str, Scope, bool]] = [
            ("unfiltered, published", Scope(org.org_id, start, end), False),
            ("unfiltered, exact", Scope(org.org_id, start, end), True),
            ("one case worker", Scope(org.org_id, start, end, worker=worker), False),
            ("commissioned_by", Scope(org.org_id, start, end, commissioned_by="x"), False),
            ("grant_id", Scope(org.org_id, start, end, grant_id=uuid.uuid4()), False),
        ]
        try:
            async with make_sessionmaker(engine)() as session:
                print(f"key figures of {org.org_id} ({org.cases} cases), {start}..{end}")
                for name, scope, exact in variants:
                    who = _reader(org.org_id, exact=exact)
                    await key_figures(session, who, directory, scope)  # warm the cache
                    took = []
                    for _ in range(rounds):
                        began = time.perf_counter()
                        await key_figures(session, who, directory, scope)
                        took.append((time.perf_counter() - began) * 1000)
                    print(
                        f"  {name:24} median {statistics.median(took):8.1f} ms"
                        f"   max {max(took):8.1f} ms"
                    )
                event.listen(engine.sync_engine, "before_cursor_execute", catch)
                await key_figures(
                    session, _reader(org.org_id, exact=False), directory, variants[0][1]
                )
                event.remove(engine.sync_engine, "before_cursor_execute", catch)
                connection = await session.connection()
                raw = await connection.get_raw_connection()
                driver = raw.driver_connection
                assert driver is not None
                for statement, parameters in sent:
                    if "set_config" in statement:
                        continue
                    rows = await driver.fetch(
                        "EXPLAIN (ANALYZE, BUFFERS) " + statement, *(parameters or ())
                    )
                    print(f"\n=== {' '.join(statement.split())[:160]}")
                    print("\n".join(row[0] for row in rows))
        finally:
            await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.key_figures_plan")
    parser.add_argument("--cases", type=int, default=90_000)
    parser.add_argument("--others", type=int, default=0, help="cases of other organizations")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database", help="a database this command loaded before (--keep)")
    parser.add_argument("--keep", action="store_true", help="do not drop the new database")
    args = parser.parse_args()
    orgs = chosen_orgs(args.cases, args.others)
    dbs = Throwaway()
    try:
        url = args.database
        if url is None:
            url = dbs.create("keyfigures", migrate_service="cases")
            print(f"loading {sum(o.cases for o in orgs)} cases into {url}", flush=True)
            load(url, STATE, orgs=orgs)
        asyncio.run(_measure(url, orgs[0], args.rounds))
    finally:
        if args.keep:
            dbs.made.clear()
        dbs.drop_all()


if __name__ == "__main__":
    main()
