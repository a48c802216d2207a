"""Drill 1: kill -9 of the PostgreSQL postmaster under write load, restart ~10 s later.

The services keep running throughout (nothing restarts them). Reports the statuses seen while
the database was down and after its restart, and the seconds from the restart to the first
acknowledged write.
"""

from __future__ import annotations

import asyncio
import time

from services.cli.stack import Stack
from tests.drills.lab import Cluster, DrillError
from tests.drills.load import UNAVAILABLE, WRITERS, Writes, count_found, demo_token, under_load
from tests.drills.result import Result, sleep_until

KILL_AFTER = 15.0
DOWN_FOR = 10.0


async def _drill(stack: Stack, cluster: Cluster, clients: int, seconds: float) -> Result:
    result = Result(1, "postgres-kill")
    tokens = [demo_token(stack.gateway_url, user) for user in WRITERS]
    writes = Writes()
    async with under_load(stack.gateway_url, tokens, clients, seconds, writes) as started:
        await sleep_until(started + KILL_AFTER)
        writes.phase = "outage"
        pid = await asyncio.to_thread(cluster.kill)
        killed = time.monotonic()
        await sleep_until(killed + DOWN_FOR)
        restarted = time.monotonic()
        await asyncio.to_thread(cluster.start)
        accepting = time.monotonic()
        writes.phase = "after restart"  # the database accepts connections again
    result.recovery_seconds = writes.first_ok_after(restarted)
    result.take(writes, await count_found(cluster.url("pakt_cases"), writes))
    result.expect(
        "a 503 problem with Retry-After for every failed request while PostgreSQL is down",
        writes.failed_in("outage", unless=UNAVAILABLE) == 0,
    )
    result.expect(
        "no failed request once PostgreSQL accepts connections again",
        writes.failed_in("after restart") == 0,
    )
    result.notes.insert(
        0,
        f"{clients} clients for {seconds:.0f} s; postmaster (pid {pid}) killed with SIGKILL at "
        f"{killed - started:.1f} s, restarted {restarted - killed:.1f} s later (`pg_ctl start`; "
        f"crash recovery done and connections accepted after {accepting - restarted:.1f} s); "
        f"first acknowledged write {result.recovery_seconds} s after the restart command, "
        f"{writes.first_ok_after(accepting)} s after PostgreSQL accepted connections",
    )
    return result


def run(stack: Stack, cluster: Cluster, clients: int, seconds: float) -> Result:
    if seconds < KILL_AFTER + DOWN_FOR + 15:  # load must go on well past the restart
        raise DrillError(f"drill 1 needs --seconds of at least {KILL_AFTER + DOWN_FOR + 15:.0f}")
    return asyncio.run(_drill(stack, cluster, clients, seconds))
