"""Fixtures of the auth tests: the real auth app (its own keys) on a seeded, migrated database.

The template database is seeded once per test session (directory, demo users, demo clients);
each test then runs inside a rolled-back transaction, or on an isolated copy.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.auth.app import create_app
from services.auth.security import demo_secret
from services.auth.seed import DEMO_PASSWORD, seed
from services.auth.settings import AuthSettings
from services.common.orgs import org_id_for_ags, org_id_for_slug
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

GOEPPINGEN = org_id_for_ags("08117019")
LRA_GOEPPINGEN = org_id_for_ags("08117")
RP_STUTTGART = org_id_for_ags("081")
PLATFORM = org_id_for_slug("platform")
DEMO_SEED = "pakt-demo-2026"


def auth_settings(databases: Databases, **extra: Any) -> AuthSettings:
    """Cheap argon2 (tests only) and instant key-cache refresh."""
    values: dict[str, Any] = {
        "database_url": databases.url("auth"),
        "log_json": True,
        "argon2_time_cost": 1,
        "argon2_memory_kib": 8,
        "argon2_parallelism": 1,
        "key_refresh_min_seconds": 0,
        "key_publish_ahead_seconds": 0,
        "demo_secret_seed": DEMO_SEED,
    }
    values.update(extra)
    return AuthSettings(**values)


def own_keys_app(settings: AuthSettings, key_resolver: Any = None) -> FastAPI:
    """The auth app verifying with its own database keys (the harness's test key is ignored)."""
    return create_app(settings=settings)


@pytest.fixture(scope="session")
def seeded(databases: Databases) -> Databases:
    settings = auth_settings(databases)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, seed(settings.database_url, settings)).result()
    return databases


@pytest.fixture
def settings(seeded: Databases) -> AuthSettings:
    return auth_settings(seeded)


@pytest.fixture
async def auth(settings: AuthSettings, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    async with running_service(own_keys_app, settings, tokens) as sut:
        yield sut


@pytest.fixture
def make_auth(seeded: Databases, tokens: TokenFactory) -> Callable[..., Any]:
    """An auth app with other settings: `async with make_auth(x=1) as sut`."""

    def make(isolated: bool = False, **extra: Any) -> Any:
        url = seeded.isolated_url("auth") if isolated else seeded.url("auth")
        return running_service(
            own_keys_app,
            auth_settings(seeded, database_url=url, **extra),
            tokens,
            isolated=isolated,
        )

    return make


def client_secret(client_id: str) -> str:
    return demo_secret(DEMO_SEED, client_id)


def basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


async def login(
    client: httpx.AsyncClient, username: str, password: str = DEMO_PASSWORD, **headers: str
) -> httpx.Response:
    return await client.post(
        "/auth/v1/token",
        data={"grant_type": "password", "username": username, "password": password},
        headers=headers,
    )


async def bearer(client: httpx.AsyncClient, username: str) -> dict[str, str]:
    """Authorization header with a fresh access token of a demo user."""
    response = await login(client, username)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def client_token(client: httpx.AsyncClient, client_id: str) -> httpx.Response:
    return await client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials"},
        headers=basic(client_id, client_secret(client_id)),
    )
