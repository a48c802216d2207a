"""The write load the drills run through the gateway, and the count of what survived.

Each client opens cases (`POST /cases/v1/cases` with an Idempotency-Key and the key as
`external_id`) and reads each acknowledged one back. Only a 2xx acknowledges a write; a timeout,
a dropped connection or an error status leaves it indeterminate, so after the fault every such
write is sent again with the same key and body until it is acknowledged (a replay when the
first attempt had committed after all). Then every acknowledged case is looked up in the
database: `found` must equal `acknowledged`.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx

from services.auth.seed import DEMO_PASSWORD
from services.common.idempotency import REPLAY_HEADER

CASES = "/cases/v1/cases"
WRITERS = ("cw.goeppingen", "cw.caritas")  # two organizations: two reference counters
MUNICIPALITY = "08117019"  # Göppingen
UNAVAILABLE = r"^\w+ 503 .*\+Retry-After$"  # the clear answer while the database is away
TIMEOUT = 5.0  # a request slower than this is indeterminate, not a success
PAUSE = 0.1  # after a failed write, so that clients do not spin while the fault lasts
RESOLVE_SECONDS = 60.0


def kind_of(method: str, outcome: httpx.Response | BaseException) -> str:
    """`POST 503 database-unavailable +Retry-After`, `GET 200`, `POST ReadTimeout` ..."""
    if isinstance(outcome, BaseException):
        return f"{method} {type(outcome).__name__}"
    kind = f"{method} {outcome.status_code}"
    if outcome.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            kind += " " + str(outcome.json().get("type", "")).rsplit("/", 1)[-1]
        except ValueError:
            kind += " (unreadable problem)"
    elif outcome.status_code >= 400:
        kind += f" ({outcome.headers.get('content-type', 'no content-type')})"
    if "retry-after" in outcome.headers and outcome.status_code >= 400:
        kind += " +Retry-After"
    return kind


@dataclass
class Writes:
    """What the load sent, by Idempotency-Key, and what it saw, by phase of the drill."""

    acked: dict[str, str] = field(default_factory=dict)  # key -> case id
    unacked: dict[str, tuple[str, dict[str, Any]]] = field(
        default_factory=dict
    )  # key -> token, body
    seen: Counter[tuple[str, str]] = field(default_factory=Counter)  # (phase, kind) -> n
    ok_times: list[float] = field(default_factory=list)
    phase: str = "before"
    sent: int = 0
    retried: int = 0
    acked_on_retry: int = 0
    replayed: int = 0
    unresolved: int = 0

    def note(self, method: str, outcome: httpx.Response | BaseException) -> None:
        self.seen[(self.phase, kind_of(method, outcome))] += 1

    def first_ok_after(self, moment: float) -> float | None:
        """Seconds from `moment` to the first acknowledged write after it."""
        later = [t for t in self.ok_times if t >= moment]
        return round(min(later) - moment, 2) if later else None

    def failed_in(self, phase: str, method: str = "", unless: str = "^$") -> int:
        """Non-2xx outcomes in `phase` (of `method` if given) whose kind does not match `unless`."""
        return sum(
            n
            for (seen_phase, kind), n in self.seen.items()
            if seen_phase == phase
            and kind.startswith(method)
            and not kind.split()[1].startswith("2")
            and not re.search(unless, kind)
        )

    def errors(self) -> Counter[str]:
        """Every non-2xx outcome, as `phase: kind`."""
        out: Counter[str] = Counter()
        for (phase, kind), n in self.seen.items():
            if not kind.split()[1].startswith("2"):
                out[f"{phase}: {kind}"] += n
        return out


def demo_token(gateway_url: str, username: str, attempts: int = 20) -> str:
    """A demo user's access token through the gateway; retried while the stack recovers
    (a service's first request after a database restart may still fail)."""
    form = {"grant_type": "password", "username": username, "password": DEMO_PASSWORD}
    for _ in range(attempts - 1):
        with suppress(httpx.TransportError):  # the gateway is restarting: ask again
            response = httpx.post(f"{gateway_url}/auth/v1/token", data=form, timeout=TIMEOUT)
            if response.is_success:
                return str(response.json()["access_token"])
        time.sleep(0.5)
    response = httpx.post(f"{gateway_url}/auth/v1/token", data=form, timeout=TIMEOUT)
    response.raise_for_status()
    return str(response.json()["access_token"])


def headers(token: str, key: str | None = None) -> dict[str, str]:
    out = {"Authorization": f"Bearer {token}"}
    if key:
        out["Idempotency-Key"] = key
    return out


async def write(
    client: httpx.AsyncClient, token: str, key: str, body: dict[str, Any], writes: Writes
) -> str | None:
    """One attempt; the case id when acknowledged, else None (and the key stays unacked)."""
    try:
        response = await client.post(CASES, json=body, headers=headers(token, key))
    except httpx.HTTPError as exc:
        writes.note("POST", exc)
        return None
    writes.note("POST", response)
    if not response.is_success:
        return None
    writes.ok_times.append(time.monotonic())
    if response.headers.get(REPLAY_HEADER) == "true":
        writes.replayed += 1
    return str(response.json()["id"])


async def read_back(client: httpx.AsyncClient, token: str, case_id: str, writes: Writes) -> None:
    try:
        writes.note("GET", await client.get(f"{CASES}/{case_id}", headers=headers(token)))
    except httpx.HTTPError as exc:
        writes.note("GET", exc)


async def client_loop(client: httpx.AsyncClient, token: str, writes: Writes, until: float) -> None:
    """Opens cases one after another until `until` (monotonic), reading each one back."""
    while time.monotonic() < until:
        key = uuid.uuid4().hex
        body = {"pseudonym": f"Drill-{key[:8]}", "municipality_ags": MUNICIPALITY}
        body["external_id"] = f"drill-{key}"
        writes.sent += 1
        writes.unacked[key] = (token, body)
        case_id = await write(client, token, key, body, writes)
        if case_id is None:
            await asyncio.sleep(PAUSE)
            continue
        del writes.unacked[key]
        writes.acked[key] = case_id
        await read_back(client, token, case_id, writes)


@asynccontextmanager
async def under_load(
    url: str, tokens: list[str], clients: int, seconds: float, writes: Writes
) -> AsyncIterator[float]:
    """`clients` writers through `url` for `seconds` while the body injects its fault; then
    waits for them and resolves the indeterminate writes. Yields the start (monotonic)."""
    limits = httpx.Limits(max_connections=clients + 4)
    async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT, limits=limits) as client:
        started = time.monotonic()
        until = started + seconds
        load = asyncio.gather(
            *(client_loop(client, tokens[n % len(tokens)], writes, until) for n in range(clients))
        )
        try:
            yield started
        except BaseException:
            load.cancel()
            with contextlib.suppress(BaseException):  # collected, so asyncio does not report it
                await load
            raise
        await load
        await resolve(client, writes)


async def resolve(
    client: httpx.AsyncClient, writes: Writes, seconds: float = RESOLVE_SECONDS
) -> None:
    """Sends every unacknowledged write again (same key, same body) until it is acknowledged."""
    writes.phase = "retry"
    deadline = time.monotonic() + seconds
    pending = dict(writes.unacked)
    writes.retried = len(pending)
    while pending and time.monotonic() < deadline:
        for key, (token, body) in list(pending.items()):
            # the same key, body and caller: the key is scoped to the caller
            case_id = await write(client, token, key, body, writes)
            if case_id is not None:
                del pending[key]
                del writes.unacked[key]
                writes.acked[key] = case_id
                writes.acked_on_retry += 1
        if pending:
            await asyncio.sleep(0.5)
    writes.unresolved = len(pending)


async def count_found(database_url: str, writes: Writes) -> int:
    """Acknowledged writes present in the database: the case with that id and external id."""
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT id::text, external_id FROM client_case WHERE external_id = ANY($1::text[])",
            [f"drill-{key}" for key in writes.acked],
        )
    finally:
        await conn.close()
    stored = {row["external_id"]: row["id"] for row in rows}
    return sum(1 for key, case_id in writes.acked.items() if stored.get(f"drill-{key}") == case_id)
