"""Where the time goes: py-spy samples a service while its row runs again, for rows that miss.

Samples are grouped by area (self time: SQLAlchemy statement building, driver, FastAPI, ...),
the hottest functions listed, and our own functions with their inclusive share. The raw
collapsed stacks and an SVG flame graph stay in reports/.
"""

from __future__ import annotations

import re
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

AREAS = (  # (label, path fragments); the first match wins
    ("SQLAlchemy: building/compiling statements", ("sqlalchemy/sql/",)),
    ("SQLAlchemy: session, engine, pool, dialect", ("sqlalchemy/", "sqlmodel/", "greenlet")),
    ("asyncpg driver (incl. native I/O)", ("asyncpg/",)),
    ("JWT (jose, cryptography)", ("jose/", "cryptography/")),
    ("pydantic", ("pydantic",)),
    ("FastAPI / Starlette", ("fastapi/", "starlette/")),
    ("logging (structlog, logging)", ("structlog/", "logging/")),
    ("metrics (prometheus_client)", ("prometheus_client/",)),
    ("our code (services/)", ("services/",)),
    ("event loop, HTTP parsing, sockets (native)", ("asyncio/", "uvloop/", "uvicorn/", "<root>")),
)


def _py_spy() -> str | None:
    candidate = Path(sys.executable).parent / "py-spy"
    return str(candidate) if candidate.exists() else shutil.which("py-spy")


def _frame(raw: str) -> tuple[str, str]:
    """(`function (module.py)`, full file path) of one py-spy frame `func (file:line)`."""
    if " (" not in raw:
        return (raw or "<root>"), "<root>"
    func, where = raw.split(" (", 1)
    path = where.rstrip(")").rsplit(":", 1)[0]
    short = path
    for cut in ("site-packages/", str(PROJECT_ROOT) + "/", "/lib/python3.11/"):
        if cut in short:
            short = short.split(cut, 1)[1]
    return f"{func} ({short})", path


def area_of(path: str) -> str:
    for label, fragments in AREAS:
        if any(f in path for f in fragments):
            return label
    return "other"


def summarize(collapsed: str, top: int = 12) -> dict[str, Any]:
    """By area (self time), hottest functions (self), our functions (inclusive)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_s = line.rpartition(" ")
        if not count_s.isdigit():
            continue
        count = int(count_s)
        frames = [_frame(f) for f in stack.split(";")] if stack else [("<root>", "<root>")]
        total += count
        for name in {name for name, _ in frames}:
            inclusive[name] += count
        leaf, path = frames[-1]
        own[leaf] += count
        areas[area_of(path)] += count
    if not total:
        return {"samples": 0, "areas": [], "self": [], "ours": []}

    def pct(n: int) -> float:
        return round(100 * n / total, 1)

    ours = [(f, n) for f, n in inclusive.most_common() if "(services/" in f][:top]
    return {
        "samples": total,
        "areas": [{"area": a, "self_pct": pct(n)} for a, n in areas.most_common()],
        "self": [{"function": f, "self_pct": pct(n)} for f, n in own.most_common(top)],
        "ours": [{"function": f, "inclusive_pct": pct(n)} for f, n in ours],
    }


def summary_lines(name: str, result: dict[str, Any]) -> list[str]:
    lines = [f"\nprofile of {name}: {result['samples']} samples ({result['flamegraph']})"]
    lines.append("  by area (self time):")
    lines += [f"    {a['self_pct']:5.1f} %  {a['area']}" for a in result["areas"]]
    lines.append("  hottest functions (self time):")
    lines += [f"    {f['self_pct']:5.1f} %  {f['function']}" for f in result["self"]]
    lines.append("  our functions (inclusive; SQLAlchemy's greenlet work is sampled apart):")
    lines += [f"    {f['inclusive_pct']:5.1f} %  {f['function']}" for f in result["ours"]]
    return lines


def profile_row(stack: Stack, row: Row, process: str, seconds: float) -> dict[str, Any] | None:
    """Drives `row` again while py-spy samples `process`; None without py-spy or process."""
    py_spy = _py_spy()
    proc = stack.procs.get(process)
    if py_spy is None or proc is None:
        return None
    out_dir = PROJECT_ROOT / "reports"
    slug = re.sub(r"[^a-z0-9]+", "-", row.name.lower()).strip("-")
    raw = out_dir / f"profile-{slug}.txt"
    svg = out_dir / f"profile-{slug}.svg"
    half = max(1, round(seconds / 2))
    load = threading.Thread(target=run_load, args=(row.request, 2 * half + 3), daemon=True)
    load.start()
    record = [py_spy, "record", "-p", str(proc.pid), "-d", str(half), "-r", "250", "--nonblocking"]
    for fmt, target in (("raw", raw), ("flamegraph", svg)):
        subprocess.run(  # noqa: S603
            [*record, "-f", fmt, "-o", str(target)],
            capture_output=True,
            check=False,
        )
    load.join()
    if not raw.exists():
        return None
    return {
        "row": row.name,
        "raw": str(raw.relative_to(PROJECT_ROOT)),
        "flamegraph": str(svg.relative_to(PROJECT_ROOT)),
        **summarize(raw.read_text()),
    }


def profile_misses(
    stack: Stack, rows: list[Row], *, quick: bool, lines: list[str], always: bool = False
) -> dict[str, Any]:
    """Profiles every row with a goal that it misses (every row with a goal when `always`)."""
    from bench.report import as_records

    records = {r["path"]: r for r in as_records(rows)}
    profiles = []
    for row in rows:
        missed = records[row.name]["verdict"] == "MISS"
        if row.goal is None or not (missed or always) or not row.server:
            continue
        print(f"profiling {row.name} with py-spy ...", flush=True)
        result = profile_row(stack, row, row.server[-1], 4 if quick else 6)
        if result is None:
            lines.append(f"(could not profile {row.name}: py-spy or the process missing)")
            continue
        profiles.append(result)
        lines += summary_lines(row.name, result)
    return {"profiles": profiles} if profiles else {}
