"""Drill 4: a synchronous streaming standby; the primary killed, the standby promoted.

The standby is `pg_basebackup -R` of the drill's private primary; the primary then waits for
it on every commit (`synchronous_standby_names = '*'`, `synchronous_commit = on`), so a write
acknowledged to a client is on both. The services get a multi-host URL
(`?host=primary&host=standby&target_session_attrs=read-write`, asyncpg's own failover): after
`pg_ctl promote` their new connections find the new primary without a restart. The old
primary stays down (it would be a second primary).
"""

from __future__ import annotations

import asyncio
import time

import asyncpg

from services.cli.postgres import SERVICES
from tests.drills.lab import Cluster, DrillError, Lab, run_sql
from tests.drills.load import UNAVAILABLE, WRITERS, Writes, count_found, demo_token, under_load
from tests.drills.result import Result, sleep_until

SECONDS = 40.0
KILL_AFTER = 15.0
PROMOTE_AFTER = 3.0  # the time an operator (or Patroni) takes to decide


def multi_host_url(primary: Cluster, standby: Cluster, database: str) -> str:
    user = primary.url("postgres").split("//", 1)[1].split("@", 1)[0]
    hosts = "&".join(f"host=127.0.0.1:{c.port}" for c in (primary, standby))
    return f"postgresql://{user}@/{database}?{hosts}&target_session_attrs=read-write"


async def _wait_sync(primary: Cluster) -> str:
    conn = await asyncpg.connect(primary.url("postgres"))
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            state = await conn.fetchval("SELECT sync_state FROM pg_stat_replication LIMIT 1")
            if state == "sync":
                return str(state)
            await asyncio.sleep(0.2)
    finally:
        await conn.close()
    raise DrillError("the standby did not become synchronous within 30 s")


def _standby(lab: Lab, primary: Cluster) -> Cluster:
    standby = lab.cluster("standby", start=False)
    standby.base_backup_of(primary)
    standby.start()
    run_sql(
        primary.url("postgres"),
        "ALTER SYSTEM SET synchronous_standby_names = '*'",
        "ALTER SYSTEM SET synchronous_commit = 'on'",
        "SELECT pg_reload_conf()",
    )
    asyncio.run(_wait_sync(primary))
    return standby


async def _drill(
    url: str, tokens: list[str], primary: Cluster, standby: Cluster, clients: int, writes: Writes
) -> tuple[float, float]:
    async with under_load(url, tokens, clients, SECONDS, writes) as started:
        await sleep_until(started + KILL_AFTER)
        writes.phase = "primary down"
        await asyncio.to_thread(primary.kill)
        killed = time.monotonic()
        await sleep_until(killed + PROMOTE_AFTER)
        await asyncio.to_thread(standby.pg_ctl, "-w", "promote")
        promoted = time.monotonic()
        writes.phase = "after promotion"
    return killed, promoted


def run(lab: Lab, primary: Cluster, clients: int) -> Result:
    result = Result(4, "failover")
    standby = _standby(lab, primary)
    urls = {s: multi_host_url(primary, standby, f"pakt_{s}") for s in SERVICES}
    stack = lab.stack(urls, "failover")
    tokens = [demo_token(stack.gateway_url, user) for user in WRITERS]
    writes = Writes()
    killed, promoted = asyncio.run(
        _drill(stack.gateway_url, tokens, primary, standby, clients, writes)
    )
    result.recovery_seconds = writes.first_ok_after(promoted)
    result.take(writes, asyncio.run(count_found(standby.url("pakt_cases"), writes)))
    result.expect(
        "a 503 problem with Retry-After for every failed request while there is no primary",
        writes.failed_in("primary down", unless=UNAVAILABLE) == 0,
    )
    result.expect(
        "no failed request once the standby is promoted", writes.failed_in("after promotion") == 0
    )
    result.notes.insert(
        0,
        f"{clients} clients for {SECONDS:.0f} s; services on a multi-host URL with "
        f"target_session_attrs=read-write; synchronous standby; primary SIGKILLed at "
        f"{KILL_AFTER:.0f} s, standby promoted {promoted - killed:.1f} s later; acknowledged "
        f"writes counted on the promoted standby; first acknowledged write "
        f"{result.recovery_seconds} s after the promotion",
    )
    return result
