"""The scale scenario (`--scale N`): every read path at 10,000 cases and at N cases, one run.

Two cases services on two databases bulk-loaded by bench/scale_data.py; each path is measured
on both (the N row's baseline is the 10k row), so the table shows how each path grows with the
data. Tokens are case workers of a mid-sized organization (the median one), its privacy
officer, and the ministry's analyst; the events feed is read by the smallest organization.
Key figures are also timed one request at a time (the latency an analyst waits for).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import asyncpg
import httpx

from bench.dbs import plain_dsn
from bench.load import Request
from bench.procs import Proc
from bench.rows import Row
from bench.scale_data import load, organizations
from bench.stack import Stack
from services.common.pagination import encode_cursor

BASE_SIZE = 10_000
YEAR = {"from": "2025-01-01", "to": "2025-12-31"}
_PICK = """
WITH sizes AS (SELECT org_id, count(*) AS n FROM client_case GROUP BY 1),
ranked AS (SELECT org_id, n, row_number() OVER (ORDER BY n, org_id) AS r,
                  count(*) OVER () AS orgs FROM sizes)
SELECT (SELECT org_id FROM ranked WHERE r = (orgs + 1) / 2) AS mid,
       (SELECT org_id FROM ranked WHERE r = 1) AS small,
       (SELECT org_id FROM ranked WHERE r = orgs) AS large
"""


@dataclass(frozen=True)
class Picked:
    """What the paths of one database read: an organization, its worker, a case, a deep cursor."""

    org_id: str
    org_path: list[str]
    small_org: str
    large_org: str
    worker: str
    municipality: str
    case_id: str
    deep_cursor: str


async def _pick(url: str) -> Picked:
    conn = await asyncpg.connect(plain_dsn(url))
    try:
        orgs = await conn.fetchrow(_PICK)
        org = orgs["mid"]
        case = await conn.fetchrow(
            "SELECT id, org_path, assigned_worker, municipality_ags FROM client_case"
            " WHERE org_id = $1 AND status = 'open' ORDER BY created_at, id LIMIT 1",
            org,
        )
        deep = await conn.fetchrow(
            "SELECT created_at, id FROM client_case WHERE org_id = $1"
            " ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM client_case"
            " WHERE org_id = $1) LIMIT 1",
            org,
        )
    finally:
        await conn.close()
    return Picked(
        org_id=org,
        org_path=list(case["org_path"]),
        small_org=orgs["small"],
        large_org=orgs["large"],
        worker=case["assigned_worker"],
        municipality=case["municipality_ags"],
        case_id=str(case["id"]),
        deep_cursor=encode_cursor(deep["created_at"].isoformat(), str(deep["id"])),
    )


def _service(stack: Stack, size: int, log: list[str]) -> tuple[Proc, Picked]:
    name = f"cases{size}"
    db = stack.dbs.create(name, migrate_service="cases")
    started = time.monotonic()
    print(f"  loading {size:,} cases ...", flush=True)
    load(db, size, log=False)
    log.append(f"scale: loaded {size:,} cases in {time.monotonic() - started:.0f} s")
    stack.uvicorn(
        name, "services.cases.app:create_app", stack.service_env("cases", db), "/cases/healthz"
    )
    return stack.procs[name], asyncio.run(_pick(db))


def _tokens(stack: Stack, p: Picked) -> dict[str, dict[str, str]]:
    def bearer(**claims: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {stack.token(expires_in=7200, **claims)}"}

    def org(org_id: str) -> dict[str, Any]:
        return {"org": org_id, "org_kind": "municipality", "org_path": p.org_path}

    ministry = {"org": "ministry", "org_kind": "ministry", "org_path": ["08"]}
    return {
        "worker": bearer(roles=["case_worker"], sub=p.worker, **org(p.org_id)),
        "privacy": bearer(roles=["privacy_officer"], sub="bench-dpo", **org(p.org_id)),
        "small": bearer(roles=["case_worker"], sub="bench-small", **org(p.small_org)),
        "large": bearer(roles=["case_worker"], sub="bench-large", **org(p.large_org)),
        "analyst": bearer(roles=["analyst"], sub="bench-analyst", **ministry),
    }


def _paths(p: Picked) -> list[tuple[str, str, str]]:
    """(name, path with query, token) of every read the scenario measures."""
    case = f"/cases/v1/cases/{p.case_id}"
    lists = "/cases/v1/cases?"
    figures = {"org": p.org_id, **YEAR}
    return [
        ("list, first page", lists + "limit=50", "worker"),
        ("list, deep page", lists + urlencode({"limit": 50, "cursor": p.deep_cursor}), "worker"),
        ("list, municipality", lists + urlencode({"municipality": p.municipality}), "worker"),
        ("list, assigned_worker", lists + urlencode({"assigned_worker": p.worker}), "worker"),
        ("list, field", lists + "field=language", "worker"),
        ("list, review due", lists + "review_due_before=2026-10-01", "worker"),
        ("list, updated_since", lists + "updated_since=2026-11-20T00:00:00Z", "worker"),
        ("worklist", "/cases/v1/worklist", "worker"),
        ("GET one case", case, "worker"),
        ("plan", case + "/plan", "worker"),
        ("consultations", case + "/consultations", "worker"),
        ("access log", case + "/access-log", "privacy"),
        ("Art. 15 export", case + "/data-export", "privacy"),
        ("events, small org", "/cases/v1/events?limit=100", "small"),
        ("key figures, one org", "/cases/v1/key-figures?" + urlencode(figures), "worker"),
        (
            "key figures, state",
            "/cases/v1/key-figures/area?" + urlencode({"area": "08", **YEAR}),
            "analyst",
        ),
    ]


def _timed(base_url: str, path: str, headers: dict[str, str], times: int = 7) -> list[float]:
    """Milliseconds of `times` sequential requests (the first warms the caches up)."""
    out = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=120) as client:
        for _ in range(times + 1):
            started = time.perf_counter()
            r = client.get(path)
            out.append((time.perf_counter() - started) * 1000)
            if r.status_code != 200:
                raise RuntimeError(f"{path} answered {r.status_code}: {r.text[:300]}")
    return out[1:]


def _latency(base_url: str, path: str, headers: dict[str, str]) -> dict[str, float]:
    ms = _timed(base_url, path, headers)
    return {"median_ms": round(statistics.median(ms), 1), "max_ms": round(max(ms), 1)}


def _rows(proc: Proc, n: int, picked: Picked, tokens: dict[str, dict[str, str]]) -> list[Row]:
    rows = []
    for name, path, who in _paths(picked):
        base = f"scale {BASE_SIZE:,}: {name}"
        rows.append(
            Row(
                f"scale {n:,}: {name}",
                Request(f"{proc.base_url}{path}", headers=tokens[who]),
                baseline=None if n == BASE_SIZE else base,
                server=(proc.name,),
                databases=(proc.name,),
            )
        )
    return rows


def scale_rows(stack: Stack, size: int, lines: list[str], extra: dict[str, object]) -> list[Row]:
    """The rows of both sizes; single-request key-figure latencies go to `extra["scale"]`."""
    timings: dict[str, object] = {}
    rows: list[Row] = []
    for n in (BASE_SIZE, size):
        proc, picked = _service(stack, n, lines)
        tokens = _tokens(stack, picked)
        timings[f"organizations @ {n}"] = len(organizations(n))
        rows += _rows(proc, n, picked, tokens)
        for name, path, who in _paths(picked)[-2:]:
            timings[f"{name} @ {n}"] = _latency(proc.base_url, path, tokens[who])
        large = tokens["large"]
        path = "/cases/v1/key-figures?" + urlencode({"org": picked.large_org, **YEAR})
        timings[f"key figures, largest org @ {n}"] = _latency(proc.base_url, path, large)
    extra["scale"] = timings
    return rows


def scale_lines(records: list[dict[str, Any]], size: int) -> tuple[list[str], list[dict[str, Any]]]:
    """The p99 ratio (at N / at 10k) of every path: the issue's target is at most 1.5."""
    by_path = {r["path"]: r for r in records}
    lines = [f"scale: p99 at {size:,} cases / p99 at {BASE_SIZE:,} (target <= 1.5)"]
    ratios: list[dict[str, Any]] = []
    for r in records:
        if not r["path"].startswith(f"scale {size:,}: "):
            continue
        name = r["path"].split(": ", 1)[1]
        base = by_path.get(f"scale {BASE_SIZE:,}: {name}")
        if not base or not base.get("p99_ms") or not r.get("p99_ms"):
            continue
        ratio = r["p99_ms"] / base["p99_ms"]
        verdict = "pass" if ratio <= 1.5 else "MISS"
        was, now = base["p99_ms"], r["p99_ms"]
        lines.append(f"  {name:<24} {was:>8.1f} ms -> {now:>8.1f} ms  x{ratio:.2f}  {verdict}")
        ratios.append({"path": name, "p99_10k_ms": was, "p99_n_ms": now, "ratio": round(ratio, 2)})
    return lines, ratios
