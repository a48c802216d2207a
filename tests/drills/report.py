"""docs/RELIABILITY.md: the figures of the last drills run, and the command that made them."""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from services.cli.postgres import PROJECT_ROOT, _pg_bindir
from tests.drills.result import Result

TARGET = PROJECT_ROOT / "docs" / "RELIABILITY.md"

WHAT = {
    1: "kill -9 of the PostgreSQL postmaster (a private cluster) under a write load through the "
    "gateway, restarted 10 s later; the services are not restarted",
    2: "SIGKILL of the funding service while it decides a batch; funding restarted and the same "
    "request (same Idempotency-Key) sent again",
    3: "two instances of every service behind the gateway; one cases instance SIGKILLed under load",
    4: "a synchronous streaming standby; the primary SIGKILLed and the standby promoted "
    "(pg_ctl promote); services on a multi-host URL (target_session_attrs=read-write)",
}

RULES = """\
How the drills count: a write is *acknowledged* only when the client got a 2xx. A timeout
(5 s), a dropped connection or an error status leaves it *indeterminate*: after the fault
every indeterminate write is sent again with the same Idempotency-Key and body until it is
acknowledged (a replay, `Idempotent-Replayed: true`, when the first attempt had committed after
all). *found* counts acknowledged writes present afterwards (the case with the acknowledged id
and the client's `external_id`, read from the database; for drill 2, applications decided with
exactly one transition, one audit entry and one `application.decided` event). *lost* =
acknowledged - found. *recovery* is the time from the restart (drill 1), the kill (drill 3),
the promotion (drill 4) or the funding restart (drill 2, until the retried batch answered) to
the first acknowledged write. Errors are listed as `phase: METHOD status problem-type`
(`+Retry-After` when the answer carried one) or `phase: METHOD ExceptionName`.
"""


HOW = """\
## How the drills are built

- Everything runs on 127.0.0.1: private clusters initialised with the installed binaries under
  a temporary directory (`services/cli/postgres.py`), databases migrated and seeded as
  `pakt dev` does (`services/cli/database.py`), services and nginx started by `Stack`
  (`services/cli/stack.py`), with the gateway's rate limits lifted (one client address
  carries all the load). Ctrl-C or SIGTERM stops all of it; `--keep` keeps the logs.
- Load: 12 clients (`--clients`) open cases through the gateway with an Idempotency-Key (the
  key is also the case's `external_id`) as `cw.goeppingen` and `cw.caritas`, and read each
  acknowledged case back.
- Drill 2 inserts its applications the way `bench/funding_batch.py` does (`insert_forwarded`)
  into the seeded programme RP Stuttgart decides, and kills funding as soon as the batch's
  transaction is seen (pg_stat_activity) writing the effects of its first chunk.
- Drill 3: the gateway template (`deploy/gateway/nginx.conf.template`) has one
  `{{<svc>_port}}` server per upstream and `proxy_next_upstream off`. The drill renders it and
  rewrites those lines: two `server` lines per upstream (`max_fails=1 fail_timeout=5s`) and
  `proxy_next_upstream error timeout; proxy_next_upstream_tries 2;`. nginx then passes on
  every request whose connection to the dead instance fails, and idempotent methods also when
  the instance dies while answering; a POST cut off mid-request is a 502 the client retries
  with its Idempotency-Key.
- Drill 4: asyncpg follows a multi-host URL, also through SQLAlchemy:
  `postgresql://postgres@/pakt_cases?host=127.0.0.1:P1&host=127.0.0.1:P2&target_session_attrs=read-write`.
  The primary waits for the standby on every commit (`synchronous_standby_names = '*'`,
  `synchronous_commit = on`); the old primary stays down after the promotion.
- `--strict` turns the expectations below (503 with Retry-After during an outage, no error
  after recovery, no failed read after an instance is killed) into failures.
"""


def _version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError:
        return "unknown"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else ""


def _machine() -> str:
    bindir = _pg_bindir()
    postgres = _version([str(bindir / "postgres"), "--version"]) if bindir else "unknown"
    return (
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}, {postgres}, {_version(['nginx', '-v'])}"
    )


def _command(args: argparse.Namespace) -> str:
    default = (args.only, args.clients, args.seconds, args.items) == ("1,2,3,4", 12, 60, 2000)
    if default:
        return "make drills"
    return (
        f"python -m tests.drills --only {args.only} --clients {args.clients} "
        f"--seconds {args.seconds:g} --items {args.items}"
    )


def render(results: list[Result], args: argparse.Namespace, elapsed: float) -> str:
    acknowledged = sum(r.acknowledged for r in results)
    found = sum(r.found for r in results)
    lost = sum(r.lost for r in results)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Reliability drills",
        "",
        "Written by `make drills` (tests/drills/): faults injected into a stack the drills start "
        "on loopback ports, with private PostgreSQL clusters; everything started is stopped "
        "afterwards. Not part of `make test`.",
        "",
        f"Last run: {when}, `{_command(args)}`, {elapsed:.0f} s, on {_machine()}.",
        "",
        f"**drills: {acknowledged} acknowledged, {found} found, {lost} lost**",
        "",
        "| drill | fault | acknowledged | found | lost | recovery (s) | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        recovery = "n/a" if r.recovery_seconds is None else f"{r.recovery_seconds:.2f}"
        verdict = "ok" if r.passed else "FAILED"
        lines.append(
            f"| {r.number} {r.name} | {WHAT.get(r.number, '')} | {r.acknowledged} | {r.found} "
            f"| {r.lost} | {recovery} | {verdict} |"
        )
    lines += ["", RULES, HOW]
    for r in results:
        lines += ["", f"## Drill {r.number}: {r.name}", "", WHAT.get(r.number, ""), ""]
        lines += [f"- {note}" for note in r.notes]
        lines += [
            f"- expected: {what}: {'holds' if holds else '**does not hold yet**'}"
            for what, holds in r.expectations
        ]
        lines += [f"- **failed**: {failure}" for failure in r.failures]
        if r.errors:
            lines += ["", "| what the clients saw (not 2xx) | count |", "|---|---|"]
            lines += [f"| `{kind}` | {n} |" for kind, n in sorted(r.errors.items())]
    return "\n".join(lines) + "\n"


def write(results: list[Result], args: argparse.Namespace, elapsed: float) -> Path:
    TARGET.write_text(render(results, args, elapsed))
    return TARGET
