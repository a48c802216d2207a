"""`python -m bench.markdown`: reports/bench.json as Markdown tables (for docs/PERFORMANCE.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPORT = Path(__file__).resolve().parent.parent / "reports" / "bench.json"


def _cell(value: Any, digits: int = 0) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def render(doc: dict[str, Any]) -> str:
    s = doc["settings"]
    code = doc.get("code", {})
    dirty = code.get("uncommitted_service_files") or []
    lines = [
        f"Run of {doc['when']} on {doc['host']['cpus']} CPUs (load average"
        f" {', '.join(f'{x:.1f}' for x in doc['host'].get('load_average', []))}), {s['tool']},"
        f" {s['connections']} connections, {s['duration_s']:g} s x {s['rounds']} rounds,"
        f" commit {code.get('commit', '?')}"
        + (f" plus uncommitted changes in {', '.join(dirty)}" if dirty else "")
        + f"; {s['wall_s']:g} s in all.",
        "",
        "| path | req/s | p50 ms | p99 ms | CPU ms/req | DB conn/1k | ratio | CPU ratio | of"
        " | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in doc["rows"]:
        goal = f"≥ {r['goal']} **{r['verdict']}**" if r["goal"] is not None else ""
        lines.append(
            f"| {r['path']} | {_cell(r['rps'])} | {_cell(r['p50_ms'], 1)} | {_cell(r['p99_ms'], 1)}"
            f" | {_cell(r['server_cpu_ms_per_req'], 2)} | {_cell(r['db_connects_per_1000_req'], 1)}"
            f" | {_cell(r['ratio'], 2)} | {_cell(r.get('cpu_ratio'), 2)} | {r['baseline'] or ''}"
            f" | {goal} |"
        )
    for sk in doc.get("skipped", []):
        lines.append(f"| {sk['path']} | skipped: {sk['reason'][:120]} | | | | | | | | |")
    batch = doc.get("funding_batch")
    if isinstance(batch, dict):
        lines += ["", "| funding | value |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in batch.items()]
    return "\n".join(lines)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPORT
    print(render(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
