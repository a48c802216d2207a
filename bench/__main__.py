"""`python -m bench [--quick]`: start everything, measure every path, print and save the table."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import report
from bench.base_rows import baseline_rows
from bench.dbs import sessions_opened
from bench.load import CONNECTIONS, THREADS, ensure_wrk, have_wrk
from bench.measure import measure
from bench.procs import PROJECT_ROOT
from bench.rows import Row, Skipped
from bench.stack import Stack

REPORT = PROJECT_ROOT / "reports" / "bench.json"
LOG_DIR = PROJECT_ROOT / "reports" / "bench-logs"
SCALE_REPORT = PROJECT_ROOT / "bench" / "results" / "latest.json"

Setup = Callable[[Stack], list[Row]]


def _setups() -> list[tuple[str, Setup]]:
    from bench import service_rows

    return [
        ("baselines", baseline_rows),
        ("gateway", service_rows.gateway_rows),
        ("cases", service_rows.cases_rows),
        ("auth", service_rows.auth_rows),
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run (~3 s per path)")
    parser.add_argument("--duration", type=float, help="seconds per path and round")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (best one is reported)")
    parser.add_argument(
        "--funding-items",
        type=int,
        help="items in the funding batch and as single transitions (default 1,000; quick 300;"
        " 10,000 is the full comparison, ~5 min more: singles run at ~35-150/s here)",
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="SVC_SETTING=VALUE",
        help="a service setting for this run, e.g. --env CASES_DB_POOL_SIZE=32 (repeatable)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip py-spy on a missed goal")
    parser.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="also load 10,000 and N cases and measure every read path on both (p99 ratios),"
        " key figures, a 10,000-item batch and a 100,000-row export; bench/results/latest.json",
    )
    parser.add_argument(
        "--only",
        help="comma-separated setups: baselines,gateway,cases,auth,funding"
        " (`--only scale --scale N`: the scale scenario alone)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    duration = args.duration or (3.0 if args.quick else 8.0)
    rounds = args.rounds or (1 if args.quick else 2)
    warmup = 1.0 if args.quick else 2.0
    funding_items = args.funding_items or (300 if args.quick else 1_000)
    only = set(args.only.split(",")) if args.only else None
    ensure_wrk()
    print(
        f"Pakt bench: {'wrk' if have_wrk() else 'httpx loader (install wrk for real numbers)'}, "
        f"{CONNECTIONS} connections, {THREADS} threads, {duration:g} s x {rounds} rounds per path"
    )
    started = time.monotonic()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    extra_env = dict(item.split("=", 1) for item in args.env)
    stack = Stack(LOG_DIR, extra_env)
    rows: list[Row] = []
    skipped: list[Skipped] = []
    extra_lines: list[str] = []
    extra: dict[str, object] = {}
    try:
        for name, setup in _setups():
            if only and name not in only:
                continue
            print(f"setting up {name} ...", flush=True)
            try:
                rows += setup(stack)
            except Exception as exc:  # a service still being written must not sink the run
                skipped.append(Skipped(name, f"{exc.__class__.__name__}: {str(exc)[:300]}"))
                print(f"  {name} skipped: {exc}", flush=True)
        if args.scale:
            rows += _scale_setup(stack, args.scale, extra_lines, extra)
        measure(
            rows,
            {n: p.pid for n, p in stack.procs.items()},
            lambda keys: sessions_opened(stack.dbs.server, [stack.dbs.name_of(k) for k in keys]),
            rounds=rounds,
            duration=duration,
            warmup=warmup,
        )
        if not only or "funding" in only:
            extra.update(_funding(stack, args.quick, funding_items, extra_lines, skipped))
        if not args.no_profile:
            from bench.profile import profile_misses

            extra.update(profile_misses(stack, rows, quick=args.quick, lines=extra_lines))
    finally:
        stack.close()
    records = report.as_records(rows)
    if args.scale:
        extra_lines += _scale_report(records, args.scale, extra)
    report.print_table(records, skipped, extra_lines)
    settings = {
        "tool": "wrk" if have_wrk() else "httpx",
        "connections": CONNECTIONS,
        "threads": THREADS,
        "duration_s": duration,
        "rounds": rounds,
        "quick": args.quick,
        "service_env": extra_env,
        "wall_s": round(time.monotonic() - started, 1),
    }
    report.write_json(REPORT, records, skipped, settings, extra)
    print(f"written {REPORT.relative_to(PROJECT_ROOT)} ({settings['wall_s']} s)")
    if args.scale:
        report.write_json(SCALE_REPORT, records, skipped, {**settings, "scale": args.scale}, extra)
        print(f"written {SCALE_REPORT.relative_to(PROJECT_ROOT)}")
    return 0


def _funding(
    stack: Stack, quick: bool, items: int, lines: list[str], skipped: list[Skipped]
) -> dict[str, object]:
    """The funding helper's batch-vs-singles comparison, when bench/funding_batch.py exists."""
    if not (Path(__file__).parent / "funding_batch.py").exists():
        skipped.append(Skipped("funding batch", "bench/funding_batch.py not written yet"))
        return {}
    from bench.funding_rows import run_funding_batch

    return run_funding_batch(stack, quick, items, lines, skipped)


def _scale_setup(stack: Stack, size: int, lines: list[str], extra: dict[str, object]) -> list[Row]:
    """The scale scenario's rows (bench/scale_rows.py) and its funding timings."""
    from bench.funding_scale import run_funding_scale
    from bench.scale_rows import scale_rows

    print(f"setting up scale ({size:,} cases) ...", flush=True)
    rows = scale_rows(stack, size, lines, extra)
    print("funding at scale: 10,000-item batch, 100,000-row export ...", flush=True)
    try:
        extra["funding_scale"] = run_funding_scale(stack)
    except Exception as exc:  # report it; the cases rows are still measured
        extra["funding_scale"] = {"error": f"{exc.__class__.__name__}: {str(exc)[:300]}"}
    return rows


def _scale_report(
    records: list[dict[str, object]], size: int, extra: dict[str, object]
) -> list[str]:
    from bench.scale_rows import scale_lines

    lines, ratios = scale_lines(records, size)
    extra["scale_p99_ratios"] = ratios
    lines.append("scale: single requests (median / max ms)")
    timings = extra.get("scale")
    for name, value in timings.items() if isinstance(timings, dict) else []:
        if isinstance(value, dict):
            lines.append(f"  {name:<40} {value['median_ms']:>8.1f} / {value['max_ms']:.1f}")
    funding = extra.get("funding_scale")
    if isinstance(funding, dict):
        lines.append(f"funding at scale: {funding}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
