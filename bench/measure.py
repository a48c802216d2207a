"""Runs the rows: a sanity request first (right status?), a warm-up, then timed rounds.

Rounds are interleaved (every row once, then every row again) so a noisy neighbour on the
shared cores hits baselines and real paths alike; a row reports its best round.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from bench.cpu import cpu_seconds, settle
from bench.load import CONNECTIONS, run_load
from bench.rows import Row

STATS_FLUSH_S = 1.2


def sanity(row: Row) -> str | None:
    """None when one request answers the expected status, else what went wrong."""
    req = row.request
    body = req.body.replace("{{n}}", "sanity") if req.body else None
    headers = {**req.headers, **(req.rotate[0] if req.rotate else {})}
    try:
        response = httpx.request(req.method, req.url, headers=headers, content=body, timeout=30)
    except httpx.HTTPError as exc:
        return f"{exc.__class__.__name__}: {exc}"
    if response.status_code != row.expect:
        return f"expected {row.expect}, got {response.status_code}: {response.text[:300]}"
    return None


def measure(
    rows: list[Row],
    pids: dict[str, int],
    sessions: Callable[[tuple[str, ...]], int | None],
    *,
    rounds: int,
    duration: float,
    warmup: float,
) -> None:
    """Fills each row's results, server CPU per request and new DB connections per 1000
    requests; `pids` maps process names, `sessions` counts connections ever opened."""
    live = []
    for row in rows:
        row.error = sanity(row)
        if row.error:
            print(f"  {row.name}: not measured ({row.error})")
        else:
            live.append(row)
    for n in range(rounds):
        for row in live:
            if n == 0 and warmup > 0:
                run_load(row.request, warmup, row.connections or CONNECTIONS)
            serving = [pids[name] for name in row.server if name in pids]
            settle(serving)
            opened = sessions(row.databases)
            cpu_before = cpu_seconds(serving)
            result = run_load(row.request, duration, row.connections or CONNECTIONS)
            cpu_used = cpu_seconds(serving) - cpu_before
            row.results.append(result)
            if opened is not None and result.requests:
                time.sleep(STATS_FLUSH_S)  # backends report connections at most once a second
                after = sessions(row.databases)
                if after is not None:
                    row.connects.append(1000 * (after - opened) / result.requests)
            if serving and result.requests:
                row.cpu_ms.append(1000 * cpu_used / result.requests)
            if not result.requests:
                row.error = f"no request completed within {duration:g} s"
            flag = f"  {result.bad_responses} bad responses" if result.bad_responses else ""
            print(
                f"  round {n + 1}/{rounds} {row.name:<34} {result.rps:>8.0f} req/s"
                f"  p50 {result.p50_ms:.2f} ms  p99 {result.p99_ms:.2f} ms"
                f"  server CPU {row.cpu_ms[-1] if row.cpu_ms else float('nan'):.2f} ms/req{flag}",
                flush=True,
            )
