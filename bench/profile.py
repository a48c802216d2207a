"""Where the time goes: py-spy samples a service while its row runs again, for rows that miss.

The collapsed stacks are summed per function (inclusive: counted once per sample it appears
in) and the top entries printed; the raw file and an SVG flame graph stay in reports/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from bench.load import run_load
from bench.procs import PROJECT_ROOT
from bench.rows import Row
from bench.stack import Stack

PROCESS_OF = {"cases": "cases", "auth": "auth"}
TOP = 25


def _py_spy() -> str | None:
    candidate = Path(sys.executable).parent / "py-spy"
    return str(candidate) if candidate.exists() else shutil.which("py-spy")


def summarize(collapsed: str, top: int = TOP) -> tuple[int, list[tuple[str, float, float]]]:
    """(samples, [(function, inclusive %, self %)]) from py-spy's raw (collapsed) format."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_s = line.rpartition(" ")
        if not stack or not count_s.isdigit():
            continue
        count = int(count_s)
        frames = [f.split(" (", 1)[0] + " (" + _short(f) + ")" for f in stack.split(";")]
        total += count
        for frame in set(frames):
            inclusive[frame] += count
        own[frames[-1]] += count
    if not total:
        return 0, []
    ranked = sorted(inclusive.items(), key=lambda kv: kv[1], reverse=True)[:top]
    return total, [(f, 100 * n / total, 100 * own[f] / total) for f, n in ranked]


def _short(frame: str) -> str:
    """`module.py:line` of a frame, with site-packages and the project root cut off."""
    where = frame.split(" (", 1)[1].rstrip(")") if " (" in frame else ""
    for cut in ("site-packages/", str(PROJECT_ROOT) + "/"):
        if cut in where:
            where = where.split(cut, 1)[1]
    return where.rsplit(":", 1)[0]  # per function, not per line


def profile_row(stack: Stack, row: Row, process: str, seconds: float) -> dict[str, Any] | None:
    py_spy = _py_spy()
    proc = stack.procs.get(process)
    if py_spy is None or proc is None:
        return None
    out_dir = PROJECT_ROOT / "reports"
    slug = row.name.split(":")[0].strip().replace(" ", "-")
    raw = out_dir / f"profile-{slug}.txt"
    svg = out_dir / f"profile-{slug}.svg"
    load = threading.Thread(target=run_load, args=(row.request, seconds + 2), daemon=True)
    load.start()
    for fmt, target in (("raw", raw), ("flamegraph", svg)):
        subprocess.run(  # noqa: S603
            [
                py_spy,
                "record",
                "-p",
                str(proc.pid),
                "-d",
                str(max(1, round(seconds / 2))),
                "-r",
                "200",
                "-f",
                fmt,
                "-o",
                str(target),
                "--nonblocking",
            ],
            capture_output=True,
            check=False,
        )
    load.join()
    if not raw.exists():
        return None
    samples, top = summarize(raw.read_text())
    return {
        "row": row.name,
        "samples": samples,
        "raw": str(raw.relative_to(PROJECT_ROOT)),
        "flamegraph": str(svg.relative_to(PROJECT_ROOT)),
        "top": [
            {"function": f, "inclusive_pct": round(i, 1), "self_pct": round(s, 1)}
            for f, i, s in top
        ],
    }


def profile_misses(
    stack: Stack, rows: list[Row], *, quick: bool, lines: list[str], always: bool = False
) -> dict[str, Any]:
    """Profiles every row with a goal that it misses (or all rows with goals when `always`)."""
    from bench.report import as_records

    records = {r["path"]: r for r in as_records(rows)}
    profiles = []
    for row in rows:
        rec = records[row.name]
        missed = rec["verdict"] == "MISS"
        if row.goal is None or not (missed or always):
            continue
        process = PROCESS_OF.get(row.name.split(":")[0].strip())
        if process is None:
            continue
        print(f"profiling {row.name} with py-spy ...", flush=True)
        result = profile_row(stack, row, process, 4 if quick else 10)
        if result is None:
            lines.append(f"(could not profile {row.name}: py-spy or the process missing)")
            continue
        profiles.append(result)
        lines.append(
            f"\nprofile of {row.name} ({result['samples']} samples, {result['flamegraph']}):"
        )
        lines.append(f"  {'incl %':>6} {'self %':>6}  function")
        for entry in result["top"]:
            lines.append(
                f"  {entry['inclusive_pct']:>6.1f} {entry['self_pct']:>6.1f}  {entry['function']}"
            )
    return {"profiles": profiles} if profiles else {}
