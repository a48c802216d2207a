"""The real auth and cases apps as the funding service's upstreams, over ASGI transports."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

import httpx

from services.auth.app import create_app as create_auth_app
from services.auth.security import demo_secret
from services.auth.seed import seed as seed_auth
from services.auth.settings import AuthSettings
from services.cases.app import create_app as create_cases_app
from services.cases.settings import CasesSettings
from services.common.jwks import JWKSCache
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

DEMO_SEED = "pakt-demo-2026"
CLIENT_ID = "pakt-funding"  # funding's own client: scope figures:exact (exact key figures)
CLIENT_SECRET = demo_secret(DEMO_SEED, CLIENT_ID)


class HostTransport(httpx.AsyncBaseTransport):
    """Sends each request to the ASGI app named by its host."""

    def __init__(self, apps: dict[str, httpx.AsyncBaseTransport]) -> None:
        self.apps = apps

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self.apps.get(request.url.host)
        if transport is None:
            raise httpx.ConnectError(f"no route to {request.url.host}", request=request)
        return await transport.handle_async_request(request)


def _auth_settings(databases: Databases) -> AuthSettings:
    return AuthSettings(
        database_url=databases.url("auth"),
        log_json=True,
        argon2_time_cost=1,
        argon2_memory_kib=8,
        argon2_parallelism=1,
        key_refresh_min_seconds=0,
        demo_secret_seed=DEMO_SEED,
    )


@asynccontextmanager
async def upstreams(databases: Databases, tokens: TokenFactory) -> AsyncIterator[HostTransport]:
    """auth (its own signing keys, demo clients seeded) and cases (verifying auth's keys)."""
    settings = _auth_settings(databases)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, seed_auth(settings.database_url, settings)).result()

    def auth_app(settings: Any, key_resolver: Any = None) -> Any:
        return create_auth_app(settings=settings)

    async with running_service(auth_app, settings, tokens) as auth:
        auth_transport = httpx.ASGITransport(app=auth.app)
        auth_http = httpx.AsyncClient(transport=auth_transport, base_url="http://auth.test")

        def cases_app(settings: Any, key_resolver: Any = None) -> Any:
            jwks = "http://auth.test/auth/.well-known/jwks.json"
            return create_cases_app(
                settings=settings, key_resolver=lambda app: JWKSCache(auth_http, jwks, ttl=300)
            )

        cases_settings = CasesSettings(
            database_url=databases.url("cases"),
            log_json=True,
            jwks_url="http://auth.test/auth/.well-known/jwks.json",
        )
        async with running_service(cases_app, cases_settings, tokens) as cases:
            # cases reads auth's directory (commissioners, key figures' area) over this client
            await cases.app.state.http.aclose()
            cases.app.state.http = httpx.AsyncClient(
                transport=HostTransport({"auth.test": auth_transport}), timeout=10
            )
            yield HostTransport(
                {"auth.test": auth_transport, "cases.test": httpx.ASGITransport(app=cases.app)}
            )
        await auth_http.aclose()


@asynccontextmanager
async def funding_on_upstreams(
    databases: Databases, tokens: TokenFactory, create_app: Any, settings_for: Any
) -> AsyncIterator[tuple[ServiceUnderTest, HostTransport]]:
    """The funding app (test tokens) calling the real auth and cases apps with its own client."""
    settings = settings_for(
        databases.url("funding"),
        cases_url="http://cases.test",
        auth_token_url="http://auth.test/auth/v1/token",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    async with (
        upstreams(databases, tokens) as transport,
        running_service(create_app, settings, tokens) as sut,
    ):
        await sut.app.state.http.aclose()
        sut.app.state.http = httpx.AsyncClient(transport=transport, timeout=10)
        yield sut, transport
