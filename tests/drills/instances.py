"""Drill 3: two instances of every service behind the gateway; one cases instance killed.

The first instance of each service is an ordinary `Stack`; the second is a `Stack` on other
ports started service by service (same databases, same issuer). The gateway for the drill is
rendered from deploy/gateway's template and then given two servers per upstream and
`proxy_next_upstream error timeout`: the template has one `{{<svc>_port}}` per upstream and
`proxy_next_upstream off`, so the drill rewrites those lines (see RELIABILITY.md).
nginx passes a request on to the other instance when connecting fails, and for idempotent
methods also when the instance dies while answering; a POST whose instance died mid-request
is indeterminate and is retried by the client with its Idempotency-Key.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import signal
import time
from collections import Counter
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

import httpx

from services.cli import gateway
from services.cli.postgres import SERVICES
from services.cli.stack import RUN_ROOT, Managed, Ports, Stack
from tests.drills.lab import DRILL_GATEWAY, DrillError, Lab, free_port
from tests.drills.load import WRITERS, Writes, count_found, demo_token, under_load
from tests.drills.result import Result, sleep_until
from tests.support.stack import clean_env

SECONDS = 40.0
KILL_AFTER = 15.0
VICTIM = "cases"
NEXT_UPSTREAM = "proxy_next_upstream error timeout;\n        proxy_next_upstream_tries 2;"


def twin_config(run_dir: Path, first: Stack, second: Stack, port: int) -> Path:
    """The gateway's own template, rendered, with both instances in every upstream."""
    conf = gateway.render(run_dir, {**first.ports.as_dict(), "gateway": port}, DRILL_GATEWAY)
    text = conf.read_text()
    for service in SERVICES:
        one, two = getattr(first.ports, service), getattr(second.ports, service)
        pattern = re.compile(rf"server 127\.0\.0\.1:{one}\b[^;]*;")
        servers = (
            f"server 127.0.0.1:{one} max_fails=1 fail_timeout=5s;\n"
            f"        server 127.0.0.1:{two} max_fails=1 fail_timeout=5s;"
        )
        text, n = pattern.subn(servers, text)
        if n != 1:
            raise DrillError(f"{conf}: no single `server 127.0.0.1:{one}` line for {service}")
    text, n = re.subn(r"proxy_next_upstream [^;]*;", NEXT_UPSTREAM, text)
    if n == 0:
        raise DrillError(f"{conf}: no proxy_next_upstream directive to replace")
    conf.write_text(text)
    return conf


def _start_gateway(lab: Lab, first: Stack, second: Stack) -> tuple[str, Path]:
    """nginx in front of both instances; (its URL, its access log)."""
    nginx = gateway.find_nginx()
    run_dir = RUN_ROOT / f"drills-{lab.run_id}-twin-gateway"
    run_dir.mkdir(parents=True, exist_ok=True)
    lab.scratch(run_dir)
    port = free_port()
    conf = twin_config(run_dir, first, second, port)
    gateway.check(nginx, run_dir, conf)
    proc = Managed("twin-gateway", gateway.command(nginx, run_dir, conf), clean_env(),
                   run_dir / "nginx.log")  # fmt: skip
    lab.cleanups.callback(proc.stop)
    proc.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with suppress(httpx.TransportError):  # not listening yet: ask again after the pause
            if all(httpx.get(f"{url}/{s}/readyz").status_code == 200 for s in SERVICES):
                return url, run_dir / "access.log"
        time.sleep(0.2)
    raise DrillError(f"the two-instance gateway did not become ready:\n{proc.tail()}")


def passed_on(access_log: Path) -> Counter[str]:
    """Requests the gateway sent to a second instance ($upstream_addr lists both), by method."""
    counts: Counter[str] = Counter()
    for line in access_log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if "," in str(entry.get("upstream", "")):
            counts[f"{entry.get('method')} {entry.get('status')}"] += 1
    return counts


async def _drill(url: str, first: Stack, clients: int, writes: Writes) -> float:
    tokens = [demo_token(first.gateway_url, user) for user in WRITERS]
    async with under_load(url, tokens, clients, SECONDS, writes) as started:
        await sleep_until(started + KILL_AFTER)
        process = first.processes[VICTIM].process
        if process is None:
            raise DrillError(f"the first {VICTIM} instance is not running")
        os.kill(process.pid, signal.SIGKILL)
        killed = time.monotonic()
        writes.phase = "after kill"
    return killed


def run(lab: Lab, urls: Mapping[str, str], clients: int) -> Result:
    result = Result(3, "instance-kill")
    first = lab.stack(urls, "twin-a")
    ports = dataclasses.replace(Ports.free(), gateway=first.ports.gateway)
    second = lab.stack(urls, "twin-b", ports=ports, start=False)  # same issuer as the first
    for service in SERVICES:
        second.start_service(service)
    url, access_log = _start_gateway(lab, first, second)
    writes = Writes()
    killed = asyncio.run(_drill(url, first, clients, writes))
    result.recovery_seconds = writes.first_ok_after(killed)
    cases_url = urls["cases"]
    result.take(writes, asyncio.run(count_found(cases_url, writes)))
    result.expect(
        "no read failed after the kill (the gateway passes GETs on to the other instance)",
        writes.failed_in("after kill", "GET") == 0,
    )
    again = passed_on(access_log)
    result.notes.insert(
        0,
        f"{clients} clients for {SECONDS:.0f} s through a gateway with two instances per "
        f"service; the first {VICTIM} instance SIGKILLed at {KILL_AFTER:.0f} s; the gateway "
        "passed requests on to the other instance: "
        + (", ".join(f"{k} x{n}" for k, n in sorted(again.items())) or "none"),
    )
    return result
