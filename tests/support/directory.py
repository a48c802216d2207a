"""auth's organization directory for tests of services that read it with the caller's token."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

import httpx

from services.auth.app import create_app as create_auth_app
from services.auth.seed import seed as seed_auth
from services.common.orgs import org_id_for_slug
from services.funding.clients.auth_token import ClientCredentials
from tests.funding.upstream import HostTransport, _auth_settings
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

AUTH_HOST = "auth.test"
JWKS_URL = f"http://{AUTH_HOST}/auth/.well-known/jwks.json"


@asynccontextmanager
async def directory_transport(
    databases: Databases, tokens: TokenFactory
) -> AsyncIterator[HostTransport]:
    """The real auth app on the seeded directory, verifying the tests' tokens, as host
    `auth.test`; point a service's `jwks_url` at `JWKS_URL` and its http client at this."""
    settings = _auth_settings(databases)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, seed_auth(settings.database_url, settings)).result()
    async with running_service(create_auth_app, settings, tokens) as auth:
        yield HostTransport({AUTH_HOST: httpx.ASGITransport(app=auth.app)})


async def use_transport(sut: ServiceUnderTest, transport: Any) -> None:
    """The service's outgoing http client goes through `transport` from now on."""
    await sut.app.state.http.aclose()
    sut.app.state.http = httpx.AsyncClient(transport=transport, timeout=10)


class FixedClientToken(ClientCredentials):
    """A service's client whose token the tests sign (in-process apps accept the tests' key)."""

    def __init__(self, http: Any, auth_base_url: str, token: str) -> None:
        super().__init__(http, f"{auth_base_url}/auth/v1/token", "test-client", "")
        self._fixed = token

    async def _fetch(self) -> tuple[str, float]:
        return self._fixed, time.time() + 3600


def funding_client_token(app: Any, auth_base_url: str, tokens: TokenFactory) -> FixedClientToken:
    """The funding service's own client (platform, scope figures:exact), reaching auth there."""
    token = tokens.token(
        roles=[],
        org=org_id_for_slug("platform"),
        org_kind="platform",
        sub="pakt-funding",
        scope="figures:exact",
        expires_in=3600,
    )
    return FixedClientToken(lambda: app.state.http, auth_base_url, token)
