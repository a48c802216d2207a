"""Drill 2: SIGKILL of the funding service while it decides a batch; then the same batch again.

The applications waiting for the council's decision are inserted the way bench/funding_batch.py
does (`insert_forwarded`), into the seeded programme RP Stuttgart decides. The batch goes
through the gateway with an Idempotency-Key; the funding process is killed once the batch's
transaction has written the effects of its first chunk (seen in pg_stat_activity). Afterwards
every application must be either untouched or decided with exactly one transition, one audit
entry and one `application.decided` event; after restarting funding, the same request (same
key) must decide every item.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from services.cli.database import sqlalchemy_url
from services.cli.stack import Stack
from services.common.db import script_session
from services.funding.applications.bulk import insert_forwarded
from tests.drills.lab import Cluster, DrillError
from tests.drills.load import demo_token, kind_of
from tests.drills.result import Result

BATCHES = "/funding/v1/decision-batches"
DECISIONS = ("approve", "partially_approve", "reject", "reject")
GRANTED = {"approve": Decimal("51000.00"), "partially_approve": Decimal("25500.00")}
# a statement writing the effects of a chunk: the batch is past its first items, not done
EFFECTS = ("application_transition", "audit_entry", "outbox_event")
WAIT_FOR_EFFECTS = 60.0

STATE_SQL = """
SELECT a.id::text AS id, a.state,
  (SELECT count(*) FROM application_transition t WHERE t.application_id = a.id) AS transitions,
  (SELECT count(*) FROM audit_entry e
     WHERE e.entity_type = 'application' AND e.entity_id = a.id::text
       AND e.action IN ('application.approve', 'application.partially_approve',
                        'application.reject')) AS audits,
  (SELECT count(*) FROM outbox_event o
     WHERE o.type = 'application.decided' AND o.entity_id = a.id::text) AS events
FROM application a WHERE a.id = ANY($1::uuid[])
"""


def _programme(stack: Stack, approver: str, result: Result) -> tuple[str, Decimal]:
    """The seeded programme RP Stuttgart decides, and what is left of its budget. Read until
    five reads in a row succeed: after drill 1 pooled connections of funding may be stale."""
    headers = {"Authorization": f"Bearer {approver}"}
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as client:
        for _ in range(40):
            responses = [client.get("/funding/v1/programmes", headers=headers) for _ in range(5)]
            for response in responses:
                if not response.is_success:
                    result.errors[f"setup: {kind_of('GET', response)}"] += 1
            if all(r.is_success for r in responses):
                break
            time.sleep(0.5)
        response.raise_for_status()
    for programme in response.json()["items"]:
        if programme["deciding_mode"] == "statewide" and programme["deciding_region"] == "081":
            return str(programme["id"]), Decimal(programme["available_amount"])
    raise DrillError("no seeded programme decided by RP Stuttgart (region 081)")


async def _applications(url: str, programme_id: str, count: int) -> list[uuid.UUID]:
    async with script_session(sqlalchemy_url(url), app_name="pakt-drills") as session:
        ids = await insert_forwarded(session, uuid.UUID(programme_id), count)
        await session.commit()
    return ids


def _body(ids: list[uuid.UUID], available: Decimal) -> dict[str, Any]:
    """Approvals, partial approvals and rejections; rejections once the budget would not do."""
    items = []
    for n, app_id in enumerate(ids):
        decision = DECISIONS[n % 4]
        granted = GRANTED.get(decision, Decimal(0))
        if granted > available:
            decision, granted = "reject", Decimal(0)
        available -= granted
        item: dict[str, Any] = {"application_id": str(app_id), "decision": decision}
        if decision == "partially_approve":
            item["granted_amount"] = str(granted)
        items.append(item)
    return {"items": items}


async def _effects_running(conn: asyncpg.Connection, database: str) -> str | None:
    """The statement of funding's batch transaction once it writes a chunk's effects."""
    query = await conn.fetchval(
        "SELECT query FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL "
        "AND state = 'active' AND pid <> pg_backend_pid()",
        database,
    )
    if query and any(table in query for table in EFFECTS):
        return str(query)
    return None


async def _settled(conn: asyncpg.Connection, database: str) -> None:
    """Waits until no backend of the killed process holds a transaction open any more."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        open_ = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
            "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()",
            database,
        )
        if not open_:
            return
        await asyncio.sleep(0.1)


def audit(rows: list[asyncpg.Record]) -> tuple[int, list[str]]:
    """(items applied completely, broken invariants) over the applications' rows."""
    problems: list[str] = []
    applied = 0
    for row in rows:
        decided = row["state"] != "forwarded"
        want = 1 if decided else 0
        counts = (row["transitions"], row["audits"], row["events"])
        if counts != (want, want, want):
            problems.append(f"{row['id']}: state {row['state']}, transitions/audit/events {counts}")
        applied += decided and counts == (1, 1, 1)
    return applied, problems


async def _kill_during(
    stack: Stack, cluster: Cluster, approver: str, key: str, body: dict[str, Any]
) -> tuple[str | None, httpx.Response | BaseException]:
    """Posts the batch and SIGKILLs funding mid-way; (statement killed in, what the client got).
    The statement is None when the batch was answered before its effects could be seen."""
    conn = await asyncpg.connect(cluster.url("postgres"))
    headers = {"Authorization": f"Bearer {approver}", "Idempotency-Key": key}
    try:
        async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=120) as client:
            post = asyncio.create_task(client.post(BATCHES, json=body, headers=headers))
            deadline = time.monotonic() + WAIT_FOR_EFFECTS
            statement = None
            while statement is None and not post.done() and time.monotonic() < deadline:
                statement = await _effects_running(conn, "pakt_funding")
            process = stack.processes["funding"].process
            if statement is not None and process is not None:
                os.kill(process.pid, signal.SIGKILL)
            try:
                outcome: httpx.Response | BaseException = await post
            except httpx.HTTPError as exc:
                outcome = exc
        await _settled(conn, "pakt_funding")
    finally:
        await conn.close()
    return statement, outcome


async def _states(cluster: Cluster, ids: list[uuid.UUID]) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(cluster.url("pakt_funding"))
    try:
        return list(await conn.fetch(STATE_SQL, ids))
    finally:
        await conn.close()


def _retry(stack: Stack, approver: str, key: str, body: dict[str, Any], result: Result) -> int:
    """The same request until it is answered 2xx; the number of items it says it decided."""
    headers = {"Authorization": f"Bearer {approver}", "Idempotency-Key": key}
    deadline = time.monotonic() + 90
    with httpx.Client(base_url=stack.gateway_url, timeout=60) as client:
        while time.monotonic() < deadline:
            try:
                response = client.post(BATCHES, json=body, headers=headers)
            except httpx.HTTPError as exc:
                result.errors[f"retry: {kind_of('POST', exc)}"] += 1
                continue
            if response.is_success:
                replayed = response.headers.get("idempotent-replayed") == "true"
                result.notes.append(f"retried batch answered {response.status_code}"
                                    + (" (a replay)" if replayed else ""))  # fmt: skip
                return int(response.json()["decided"])
            result.errors[f"retry: {kind_of('POST', response)}"] += 1
            time.sleep(1)
    result.failures.append("the retried batch was never acknowledged")
    return 0


def run(stack: Stack, cluster: Cluster, items: int) -> Result:
    result = Result(2, "funding-kill-mid-batch")
    approver = demo_token(stack.gateway_url, "approver.stuttgart")
    programme, available = _programme(stack, approver, result)
    ids = asyncio.run(_applications(cluster.url("pakt_funding"), programme, items))
    body, key = _body(ids, available), uuid.uuid4().hex
    statement, outcome = asyncio.run(_kill_during(stack, cluster, approver, key, body))
    result.errors[f"killed: {kind_of('POST', outcome)}"] += 1
    if statement is None:
        result.failures.append("the batch was answered before the kill could land mid-way")
    applied, broken = audit(asyncio.run(_states(cluster, ids)))
    result.notes.append(
        f"{items} items; funding SIGKILLed while its transaction ran `{(statement or '')[:60]}"
        f"...`; afterwards {applied} items applied completely, {len(broken)} half-applied"
    )
    stack.processes["funding"].stop()
    restarted = time.monotonic()
    stack.start_service("funding")
    ready = time.monotonic()
    decided = _retry(stack, approver, key, body, result)
    result.recovery_seconds = round(time.monotonic() - restarted, 2)
    result.notes.append(
        f"funding restarted and ready after {ready - restarted:.1f} s; the retried batch "
        f"answered {result.recovery_seconds - (ready - restarted):.1f} s later"
    )
    applied, broken_after = audit(asyncio.run(_states(cluster, ids)))
    result.acknowledged, result.found = decided, applied
    for problem in (broken + broken_after)[:5]:
        result.failures.append(f"half-applied: {problem}")
    if decided != items:
        result.failures.append(f"the retried batch decided {decided} of {items} items")
    result.notes.append(
        f"retried batch (same Idempotency-Key) decided {decided}; {applied} applications "
        "decided with exactly one transition, one audit entry and one event"
    )
    return result
