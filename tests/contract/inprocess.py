"""The three service apps served in this process behind a path-prefix dispatcher, over real HTTP.

schemathesis runs as a subprocess and calls this server; the apps' lifespans, databases and
the server share the test's event loop, so the apps stay exactly as `running_service` made them.
"""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.common.problems import problem_response, problem_type
from tests.support.tokens import TokenFactory

# (org id, org kind, org path) of the demo organizations (docs/CONVENTIONS.md)
GOEPPINGEN = (org_id_for_ags("08117019"), "municipality", ["08", "081", "08117", "08117019"])
LRA_GOEPPINGEN = (org_id_for_ags("08117"), "rural_district", ["08", "081", "08117"])
RP_STUTTGART = (org_id_for_ags("081"), "region", ["08", "081"])
MINISTRY = (org_id_for_slug("ministry"), "ministry", ["08"])
PLATFORM: tuple[str, str, list[str]] = (org_id_for_slug("platform"), "platform", [])
ROLE_ORGS = {
    "case_worker": GOEPPINGEN,
    "applicant": GOEPPINGEN,
    "privacy_officer": GOEPPINGEN,
    "org_admin": GOEPPINGEN,
    "district_reviewer": LRA_GOEPPINGEN,
    "approver": RP_STUTTGART,
    "analyst": MINISTRY,
    "admin": PLATFORM,
}


def role_tokens(tokens: TokenFactory) -> dict[str, str]:
    """One real RS256 token per role, for the demo organization that role works in."""
    out = {}
    for role, (org, kind, path) in ROLE_ORGS.items():
        out[role] = tokens.token(
            roles=[role],
            org=org,
            org_kind=kind,
            org_path=path,
            sub=str(uuid.uuid5(uuid.NAMESPACE_URL, f"pakt-fuzz:{role}")),
            expires_in=3600,
        )
    return out


class Dispatcher:
    """One origin for several apps, routed by the first path segment like the gateway does."""

    def __init__(self, apps: Mapping[str, FastAPI]) -> None:
        self.apps = dict(apps)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        prefix = scope["path"].strip("/").split("/")[0]
        app = self.apps.get(prefix)
        if app is None:
            response = problem_response(
                None, type_=problem_type("not-found"), title="Not found", status=404
            )
            await response(scope, receive, send)
            return
        await app(scope, receive, send)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@asynccontextmanager
async def serve(apps: Mapping[str, FastAPI]) -> AsyncIterator[str]:
    """Serves `apps` on a free local port for the duration; yields the base URL."""
    port = _free_port()
    config = uvicorn.Config(
        Dispatcher(apps), host="127.0.0.1", port=port, lifespan="off", log_level="warning"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
