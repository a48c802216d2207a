"""Funding at scale: one 10,000-item decision batch and the CSV export of 100,000 applications.

The funding service runs as its own uvicorn process (real RS256 tokens, real PostgreSQL); the
applications are bulk-inserted as the council's open decisions. The export is read as a stream
and the server's resident memory sampled meanwhile: its peak during a 10,000-row export and a
100,000-row one show whether memory stays constant.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from bench.stack import Stack
from services.common.db import script_session
from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.funding.applications.bulk import insert_forwarded

PROGRAMME = {
    "period_start": "2017-01-01",
    "period_months": 24,
    "total_budget": "999999999999.00",
    "min_frame": "51000.00",
    "deciding_mode": "statewide",
    "deciding_region": "081",
    "rates": [{"qualification": "mid_level", "amount": "51000.00", "label": "Mittlerer Abschluss"}],
}
DECISIONS = ("approve", "partially_approve", "reject", "approve")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _PeakRss:
    """Samples a process's resident memory every 20 ms while in the `with` block."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self._stop = threading.Event()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss_mb(self.pid))
            time.sleep(0.02)

    def __enter__(self) -> _PeakRss:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def _insert(url: str, programme_id: uuid.UUID, count: int) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    async_url = url.replace("postgresql://", "postgresql+asyncpg://", 1)
    async with script_session(async_url, app_name="pakt-bench") as session:
        for start in range(0, count, 10_000):
            ids += await insert_forwarded(
                session, programme_id, min(10_000, count - start), amount=Decimal("51000.00")
            )
            await session.commit()
    return ids


def _programme(client: httpx.Client, admin: dict[str, str]) -> uuid.UUID:
    body = {"name": f"Bench {uuid.uuid4().hex[:6]}", **PROGRAMME}
    r = client.post("/funding/v1/programmes", json=body, headers=admin)
    r.raise_for_status()
    return uuid.UUID(r.json()["id"])


def _export(
    client: httpx.Client, pid: int, programme_id: uuid.UUID, who: dict[str, str]
) -> dict[str, Any]:
    started = time.perf_counter()
    lines = 0
    with (
        _PeakRss(pid) as rss,
        client.stream(
            "GET",
            "/funding/v1/applications.csv",
            params={"programme_id": str(programme_id)},
            headers=who,
        ) as r,
    ):
        r.raise_for_status()
        for chunk in r.iter_bytes():
            lines += chunk.count(b"\n")
    return {
        "rows": lines - 1,
        "seconds": round(time.perf_counter() - started, 2),
        "server_peak_rss_mb": round(rss.peak, 1),
    }


def _bearer(stack: Stack, role: str, org: str, kind: str, path: list[str]) -> dict[str, str]:
    token = stack.token(roles=[role], org=org, org_kind=kind, org_path=path, expires_in=7200)
    return {"Authorization": f"Bearer {token}"}


def batch_body(ids: list[uuid.UUID]) -> dict[str, Any]:
    """A decision batch over `ids`: approve, partially approve, reject, approve, ... in turn."""
    items = []
    for n, i in enumerate(ids):
        decision = DECISIONS[n % 4]
        partial = {"granted_amount": "25500.00"} if decision == "partially_approve" else {}
        items.append({"application_id": str(i), "decision": decision, **partial})
    return {"items": items}


def run_funding_scale(
    stack: Stack, items: int = 10_000, export_rows: int = 100_000
) -> dict[str, Any]:
    """The batch's seconds, and each export's rows, seconds and server peak memory."""
    db = stack.dbs.create("funding_scale", migrate_service="funding")
    env = stack.service_env("funding", db)
    proc = stack.uvicorn(
        "funding_scale", "services.funding.app:create_app", env, "/funding/healthz"
    )
    admin = _bearer(stack, "admin", org_id_for_slug("platform"), "platform", [])
    approver = _bearer(stack, "approver", org_id_for_ags("081"), "region", ["08", "081"])
    out: dict[str, Any] = {}
    with httpx.Client(base_url=proc.base_url, timeout=600) as client:
        small, large = _programme(client, admin), _programme(client, admin)
        batch_ids = asyncio.run(_insert(db, _programme(client, admin), items))
        asyncio.run(_insert(db, small, export_rows // 10))
        asyncio.run(_insert(db, large, export_rows))
        started = time.perf_counter()
        key = {"Idempotency-Key": uuid.uuid4().hex}
        r = client.post(
            "/funding/v1/decision-batches", json=batch_body(batch_ids), headers={**approver, **key}
        )
        r.raise_for_status()
        seconds = round(time.perf_counter() - started, 2)
        out["batch"] = {"items": items, "seconds": seconds, "decided": r.json()["decided"]}
        out["export_small"] = _export(client, proc.pid, small, approver)
        out["export"] = _export(client, proc.pid, large, approver)
    return out
