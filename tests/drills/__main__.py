"""`python -m tests.drills [--only 1,2] [--clients N] [--seconds S] [--items N] [--no-report]`.

Runs the fault drills (see tests/drills/__init__.py), prints one line per drill and a final
`drills: N acknowledged, N found, N lost` line, writes docs/RELIABILITY.md, and exits non-zero
when a write was lost or an invariant broke. `make drills` runs it with the defaults.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections.abc import Callable

from tests.drills import batch, failover, instances, outage, report
from tests.drills.lab import Cluster, Lab, prepared_databases
from tests.drills.result import Result

NAMES = {1: "postgres-kill", 2: "funding-kill-mid-batch", 3: "instance-kill", 4: "failover"}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.drills", description=__doc__)
    parser.add_argument("--only", default="1,2,3,4", help="drills to run, e.g. 1,2")
    parser.add_argument("--clients", type=int, default=12, help="concurrent writers (8-16)")
    parser.add_argument("--seconds", type=float, default=60, help="load of drill 1, seconds")
    parser.add_argument("--items", type=int, default=2000, help="decision batch size, drill 2")
    parser.add_argument("--no-report", action="store_true", help="do not write RELIABILITY.md")
    parser.add_argument(
        "--keep", action="store_true", help="keep the logs and data directories for inspection"
    )
    parser.add_argument(
        "--strict", action="store_true", help="an unmet expectation (503s, retries) fails too"
    )
    return parser.parse_args(argv)


def _guarded(number: int, drill: Callable[[], Result]) -> Result:
    """A drill's result; one that could not run is a failed result, and the next one runs."""
    try:
        return drill()
    except KeyboardInterrupt:
        raise
    except Exception as exc:
        traceback.print_exc()
        failed = Result(number, NAMES[number])
        failed.failures.append(f"did not complete: {type(exc).__name__}: {exc}")
        return failed


def _run(lab: Lab, args: argparse.Namespace, chosen: set[int], results: list[Result]) -> None:
    def done(result: Result) -> None:
        if args.strict:
            result.failures += [f"expected {what}" for what in result.unmet()]
        results.append(result)
        print(result.line(), flush=True)  # noqa: T201

    primary: Cluster = lab.cluster("primary")
    urls = prepared_databases(primary)
    if chosen & {1, 2}:
        with lab.scope():  # one stack for both; stopped before the next drill starts its own
            stack = lab.stack(urls, "single")
            if 1 in chosen:
                done(_guarded(1, lambda: outage.run(stack, primary, args.clients, args.seconds)))
            if 2 in chosen:
                done(_guarded(2, lambda: batch.run(stack, primary, args.items)))
    if 3 in chosen:
        with lab.scope():
            done(_guarded(3, lambda: instances.run(lab, urls, args.clients)))
    if 4 in chosen:
        with lab.scope():
            done(_guarded(4, lambda: failover.run(lab, primary, args.clients)))


def _on_term(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    chosen = {int(n) for n in args.only.split(",") if n.strip()}
    signal.signal(signal.SIGTERM, _on_term)
    results: list[Result] = []
    started = time.monotonic()
    lab = Lab(keep=args.keep)
    interrupted = False
    try:
        _run(lab, args, chosen, results)
    except KeyboardInterrupt:
        interrupted = True
        print("drills: interrupted; stopping everything they started", flush=True)  # noqa: T201
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # an orderly stop, even on a second Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        lab.close()
    elapsed = time.monotonic() - started
    acknowledged = sum(r.acknowledged for r in results)
    found = sum(r.found for r in results)
    lost = sum(r.lost for r in results)
    print(f"drills: {acknowledged} acknowledged, {found} found, {lost} lost ({elapsed:.0f} s)")  # noqa: T201
    if not interrupted and not args.no_report:
        path = report.write(results, args, elapsed)
        print(f"drills: figures written to {path}")  # noqa: T201
    ok = not interrupted and len(results) == len(chosen) and all(r.passed for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
