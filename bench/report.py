"""The table on stdout and the same as JSON in reports/bench.json."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.rows import Row, Skipped

ROOT = Path(__file__).resolve().parent.parent


def ratio(row: Row, by_name: dict[str, Row]) -> float | None:
    base = by_name.get(row.baseline or "")
    if base is None or row.best is None or base.best is None or base.best.rps == 0:
        return None
    return row.best.rps / base.best.rps


def cpu_ratio(row: Row, by_name: dict[str, Row]) -> float | None:
    """Baseline CPU per request ÷ the row's: the ratio by cost, which a saturated database or a
    busy machine distorts less than req/s (1.0 = as cheap as the baseline)."""
    base = by_name.get(row.baseline or "")
    if base is None or not row.cpu_ms or not base.cpu_ms or min(row.cpu_ms) == 0:
        return None
    return min(base.cpu_ms) / min(row.cpu_ms)


def verdict(row: Row, value: float | None) -> str:
    if row.goal is None:
        return ""
    if value is None:
        return "n/a"
    return "pass" if value >= row.goal else "MISS"


def as_records(rows: list[Row]) -> list[dict[str, Any]]:
    by_name = {r.name: r for r in rows}
    records = []
    for row in rows:
        best = row.best
        value = ratio(row, by_name)
        records.append(
            {
                "path": row.name,
                "request": f"{row.request.method} {row.request.url.split('/', 3)[-1]}",
                "rps": round(best.rps, 1) if best else None,
                "p50_ms": round(best.p50_ms, 2) if best else None,
                "p99_ms": round(best.p99_ms, 2) if best else None,
                "server_cpu_ms_per_req": round(min(row.cpu_ms), 3) if row.cpu_ms else None,
                "db_connects_per_1000_req": round(row.connects[-1], 1) if row.connects else None,
                "bad_responses": best.bad_responses if best else None,
                "baseline": row.baseline,
                "ratio": round(value, 3) if value is not None else None,
                "cpu_ratio": round(by_cpu, 3) if (by_cpu := cpu_ratio(row, by_name)) else None,
                "goal": row.goal,
                "verdict": verdict(row, value),
                "rounds_rps": [round(r.rps, 1) for r in row.results],
                "connections": row.connections,
                "note": row.note,
                "error": row.error,
            }
        )
    return records


def print_table(records: list[dict[str, Any]], skipped: list[Skipped], extra: list[str]) -> None:
    head = (
        f"{'path':<34} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7}"
        f" {'conn/1k':>7}  {'ratio':>6} {'of':<28} goal"
    )
    print()
    print(head)
    print("-" * len(head) + "-" * 8)
    for r in records:
        if r["rps"] is None:
            print(f"{r['path']:<34} {'error':>8}  {r['error'] or ''}")
            continue
        ratio_s = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
        goal = f">= {r['goal']} {r['verdict']}" if r["goal"] is not None else ""
        bad = f"  ({r['bad_responses']} bad responses!)" if r["bad_responses"] else ""
        if r["error"]:
            bad += f"  ({r['error']})"
        cpu = r["server_cpu_ms_per_req"]
        cpu_s = f"{cpu:.2f}" if cpu is not None else ""
        conn = r["db_connects_per_1000_req"]
        conn_s = f"{conn:.1f}" if conn is not None else ""
        print(
            f"{r['path']:<34} {r['rps']:>8.0f} {r['p50_ms']:>7.2f} {r['p99_ms']:>7.2f} {cpu_s:>7}"
            f" {conn_s:>7}  {ratio_s:>6} {r['baseline'] or '':<28} {goal}{bad}"
        )
    for s in skipped:
        print(f"{s.name:<34} {'skipped':>8}  {s.reason}")
    print(
        "CPU ms: server-side CPU per request (user + system of the serving processes, best round)"
    )
    print("conn/1k: new PostgreSQL connections per 1000 requests (pool churn), last round")
    for line in extra:
        print(line)
    print()


def write_json(
    path: Path,
    records: list[dict[str, Any]],
    skipped: list[Skipped],
    settings: dict[str, Any],
    extra: dict[str, Any],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": {
            "cpus": _cpus(),
            "python": platform.python_version(),
            "load_average": list(os.getloadavg()),
        },
        "code": provenance(),
        "settings": settings,  # includes service settings given with --env
        "rows": records,
        "skipped": [{"path": s.name, "reason": s.reason} for s in skipped],
        **extra,
    }
    path.write_text(json.dumps(doc, indent=2) + "\n")


def provenance() -> dict[str, Any]:
    """Which code was measured: the commit, and the service files changed since (a shared tree
    changes under a run)."""

    def git(*args: str) -> str:
        out = subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout

    changed = [line[3:] for line in git("status", "--porcelain", "services").splitlines()]
    return {
        "commit": git("rev-parse", "--short", "HEAD").strip(),
        "uncommitted_service_files": changed,
    }


def _cpus() -> int:
    return os.cpu_count() or 0
