"""Funding: one 10,000-item decision batch against 10,000 single transitions over HTTP.

Runs the funding app in process (httpx over ASGI, real PostgreSQL on a scratch database,
real RS256 tokens), so both sides pay the same framework, token and database costs.
`python -m bench.funding_batch [--quick] [--items N]`; `make bench` calls `run()`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid
from typing import Any

import httpx

from bench.funding_scale import DECISIONS, PROGRAMME, batch_body
from services.cli.postgres import Server, drop_database, ensure_database, find_server
from services.common import jwt
from services.common.jwks import StaticKeys
from services.common.migrate import upgrade
from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.funding.app import create_app
from services.funding.applications.bulk import insert_forwarded
from services.funding.settings import FundingSettings

CONCURRENCY = int(
    os.environ.get("BENCH_FUNDING_CONCURRENCY", "8")
)  # parallel clients for the single transitions


class _Tokens:
    def __init__(self) -> None:
        self.pem = jwt.generate_private_key_pem()
        self.kid = jwt.new_kid()
        self.jwks = {"keys": [jwt.public_jwk(self.pem, self.kid)]}

    def headers(self, org: str, kind: str, path: list[str], *roles: str) -> dict[str, str]:
        now = int(time.time())
        claims = {
            "sub": f"bench-{uuid.uuid4().hex[:6]}",
            "sub_type": "client",
            "org": org,
            "org_kind": kind,
            "org_path": path,
            "roles": list(roles),
            "scope": "",
            "aud": "pakt-api",
            "iss": "http://127.0.0.1:8080/auth",
            "iat": now,
            "exp": now + 3600,
            "jti": uuid.uuid4().hex,
        }
        return {"Authorization": f"Bearer {jwt.sign(claims, self.pem, self.kid)}"}


async def _measure(url: str, items: int) -> dict[str, Any]:
    tokens = _Tokens()
    settings = FundingSettings(database_url=url, log_level="WARNING", db_pool_size=CONCURRENCY + 2)
    app = create_app(settings=settings, key_resolver=lambda _app: StaticKeys(tokens.jwks))
    admin = tokens.headers(org_id_for_slug("platform"), "platform", [], "admin")
    approver = tokens.headers(org_id_for_ags("081"), "region", ["08", "081"], "approver")
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", timeout=600
        ) as client:
            r = await client.post(
                "/funding/v1/programmes",
                headers=admin,
                json={"name": f"Bench {uuid.uuid4().hex[:6]}", **PROGRAMME},
            )
            r.raise_for_status()
            programme_id = uuid.UUID(r.json()["id"])
            async with app.state.sessionmaker() as session:
                batch_ids = await insert_forwarded(session, programme_id, items)
                single_ids = await insert_forwarded(session, programme_id, items)
                await session.commit()
            decisions = DECISIONS
            body = batch_body(batch_ids)
            started = time.perf_counter()
            r = await client.post(
                "/funding/v1/decision-batches",
                json=body,
                headers={**approver, "Idempotency-Key": uuid.uuid4().hex},
            )
            batch_seconds = time.perf_counter() - started
            r.raise_for_status()
            decided = r.json()["decided"]

            queue = list(enumerate(single_ids))

            async def worker() -> int:
                ok = 0
                while queue:
                    n, app_id = queue.pop()
                    d = decisions[n % 4]
                    payload = {
                        "action": d,
                        **({"granted_amount": "25500.00"} if d == "partially_approve" else {}),
                    }
                    resp = await client.post(
                        f"/funding/v1/applications/{app_id}/transitions",
                        json=payload,
                        headers={**approver, "If-Match": '"3"'},
                    )
                    ok += resp.status_code == 201
                return ok

            started = time.perf_counter()
            singles_ok = sum(await asyncio.gather(*(worker() for _ in range(CONCURRENCY))))
            singles_seconds = time.perf_counter() - started
    return {
        "items": items,
        "batch_seconds": round(batch_seconds, 2),
        "batch_decided": decided,
        "batch_items_per_second": round(items / batch_seconds),
        "singles_seconds": round(singles_seconds, 2),
        "singles_decided": singles_ok,
        "singles_per_second": round(items / singles_seconds),
        "singles_concurrency": CONCURRENCY,
        "speedup": round(singles_seconds / batch_seconds, 1),
    }


def run(
    quick: bool = False, server: Server | None = None, items: int | None = None
) -> dict[str, Any]:
    """Measures on a scratch database that is dropped afterwards."""
    server = server or find_server()
    name = f"pakt_bench_funding_{uuid.uuid4().hex[:8]}"
    ensure_database(server, name)
    try:
        url = server.database_url(name)
        upgrade("funding", url)
        return asyncio.run(_measure(url, items or (1_000 if quick else 10_000)))
    finally:
        drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.funding_batch", description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--items", type=int)
    args = parser.parse_args()
    for key, value in run(args.quick, items=args.items).items():
        print(f"{key}: {value}")
