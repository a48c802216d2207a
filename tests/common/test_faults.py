"""Faults end in a clear answer: a database out of reach is a 503 problem with Retry-After,
a connection the server closed is replaced before the next request, validation problems stay
small whatever the body holds."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, ConfigDict
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from services.common import db
from services.common.app import KeyResolverFactory, create_service_app
from services.common.db import SessionDep
from services.common.guards import MAX_OBJECT_MEMBERS
from services.common.outage import is_database_unavailable
from services.common.problems import MAX_LISTED_ERRORS
from services.common.settings import ServiceSettings
from services.common.sql import run
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

PROBLEM = "application/problem+json"
APP_NAME = "pakt-fault"
router = APIRouter(tags=["faults"])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


@router.get("/fault/v1/read")
async def read(session: SessionDep) -> dict[str, int]:
    return {"one": (await run(session, text("SELECT 1"))).scalar_one()}


@router.get("/fault/v1/lose-connection")
async def lose_connection(session: SessionDep) -> None:
    await run(session, text("SELECT pg_terminate_backend(pg_backend_pid())"))


@router.post("/fault/v1/strict")
async def strict(body: Strict) -> dict[str, str]:
    return {"name": body.name}


def create_fault_app(
    settings: ServiceSettings, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    return create_service_app(
        name="fault",
        title="fault",
        description="test app",
        settings=settings,
        routers=[router],
        key_resolver=key_resolver,
    )


def closed_port_url() -> str:
    """A database URL on a loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql+asyncpg://postgres@127.0.0.1:{port}/nowhere"


@pytest.fixture
async def down(tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    settings = ServiceSettings(database_url=closed_port_url(), log_json=True)
    async with running_service(create_fault_app, settings, tokens, isolated=True) as sut:
        yield sut


@pytest.fixture
def fault_url(databases: Databases) -> str:
    return databases.isolated_url("cases")


@pytest.fixture
async def fault(fault_url: str, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    settings = ServiceSettings(database_url=fault_url, log_json=True, db_pool_size=4)
    async with running_service(create_fault_app, settings, tokens, isolated=True) as sut:
        yield sut


async def terminate_backends(url: str, app_names: list[str], databases: list[str]) -> int:
    """pg_terminate_backend on these apps' connections to these databases only (never another
    test's): what a server restart does to a pool. Waits until each backend is gone."""
    conn = await asyncpg.connect(url.replace("+asyncpg", ""), ssl=False)
    try:
        rows = await conn.fetch(
            "SELECT pg_terminate_backend(pid, 5000) AS gone FROM pg_stat_activity"
            " WHERE application_name = ANY($1::text[]) AND datname = ANY($2::text[])",
            app_names,
            databases,
        )
    finally:
        await conn.close()
    assert all(row["gone"] for row in rows)
    return len(rows)


def assert_unavailable(response: Any) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    assert body["type"].endswith("/problems/database-unavailable")
    assert body["status"] == 503
    assert body["request_id"] == response.headers["x-request-id"]


async def test_database_down_is_503_with_retry_after(down):
    read = await down.client.get("/fault/v1/read")
    ready = await down.client.get("/fault/readyz")
    alive = await down.client.get("/fault/healthz")

    assert_unavailable(read)
    assert ready.status_code == 503
    assert ready.json()["type"].endswith("/problems/not-ready")
    assert ready.headers["retry-after"]
    assert alive.status_code == 200
    metrics = (await down.client.get("/fault/metrics")).text
    assert 'route="/fault/v1/read",status="503"' in metrics


async def test_exhausted_pool_is_503_not_a_wait_without_end(
    fault_url, tokens, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(db, "POOL_TIMEOUT_SECONDS", 0.2)
    settings = ServiceSettings(database_url=fault_url, log_json=True, db_pool_size=1)
    async with running_service(create_fault_app, settings, tokens, isolated=True) as sut:
        engine = sut.app.state.engine
        held = [await engine.connect() for _ in range(1 + 2)]  # pool_size + max_overflow
        try:
            response = await sut.client.get("/fault/v1/read")
        finally:
            for conn in held:
                await conn.close()
        assert_unavailable(response)
        assert (await sut.client.get("/fault/v1/read")).status_code == 200


async def test_first_request_after_the_server_closed_pooled_connections_succeeds(fault, fault_url):
    warm = await asyncio.gather(*(fault.client.get("/fault/v1/read") for _ in range(4)))
    assert {r.status_code for r in warm} == {200}

    assert await terminate_backends(fault_url, [APP_NAME], [fault_url.rsplit("/", 1)[1]]) >= 1

    after = await asyncio.gather(*(fault.client.get("/fault/v1/read") for _ in range(4)))
    assert [r.status_code for r in after] == [200] * 4


async def test_connection_lost_mid_request_is_503_and_the_next_request_succeeds(fault):
    lost = await fault.client.get("/fault/v1/lose-connection")
    following = await fault.client.get("/fault/v1/read")

    assert_unavailable(lost)
    assert following.status_code == 200


async def test_validation_problem_lists_a_bounded_number_of_errors(fault):
    body = {f"k{i}": 1 for i in range(MAX_OBJECT_MEMBERS)}  # just allowed, all unknown

    response = await fault.client.post("/fault/v1/strict", json=body)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert len(response.content) < 10_000
    assert len(problem["errors"]) == MAX_LISTED_ERRORS
    assert problem["error_count"] == MAX_OBJECT_MEMBERS + 1  # every unknown key, and the name
    assert problem["errors_truncated"] is True


async def test_a_body_with_150000_members_is_refused_before_validation(fault):
    payload = json.dumps({f"k{i}": 1 for i in range(150_000)}).encode()
    assert len(payload) > 1_500_000

    started = time.perf_counter()
    response = await fault.client.post(
        "/fault/v1/strict", content=payload, headers={"Content-Type": "application/json"}
    )
    seconds = time.perf_counter() - started

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"].endswith("/problems/too-many-members")
    assert len(response.content) < 1_000
    assert seconds < 5  # parsing once; no error object per member


async def test_large_bodies_of_ordinary_shape_pass_the_member_guard(fault):
    response = await fault.client.post("/fault/v1/strict", json={"name": "n" * 100_000})

    assert response.status_code == 200


async def test_small_validation_problem_lists_everything(fault):
    response = await fault.client.post("/fault/v1/strict", json={"extra": 1})

    problem = response.json()
    assert problem["error_count"] == len(problem["errors"]) == 2
    assert problem["errors_truncated"] is False


class _Closed(Exception):
    """The probe's stand-in for a connection closed under a request."""


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError(111, "Connect call failed"),
        OSError("Multiple exceptions: [Errno 111] ..., [Errno 99] ..."),
        TimeoutError(),
        socket.gaierror(-2, "Name or service not known"),
        sa_exc.TimeoutError("QueuePool limit of size 1 overflow 2 reached"),
        asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
        asyncpg.exceptions.AdminShutdownError("terminating connection"),
        asyncpg.exceptions.TooManyConnectionsError("too many clients"),
        asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle"),
        asyncpg.exceptions.InterfaceError("connection is closed"),
        sa_exc.DBAPIError("SELECT 1", {}, _Closed(), connection_invalidated=True),
    ],
    ids=lambda e: type(e).__name__,
)
def test_outage_errors_are_recognised(error):
    wrapped = RuntimeError("wrapped")
    wrapped.__cause__ = error

    assert is_database_unavailable(error)
    assert is_database_unavailable(wrapped)


@pytest.mark.parametrize(
    "error",
    [
        FileNotFoundError("x"),
        PermissionError("x"),
        ValueError("x"),
        asyncpg.exceptions.UniqueViolationError("duplicate key"),
        asyncpg.exceptions.InterfaceError("cannot perform operation: another one is in progress"),
        sa_exc.DBAPIError("SELECT 1", {}, _Closed()),
    ],
    ids=lambda e: type(e).__name__,
)
def test_bugs_and_bad_data_are_not_outages(error):
    assert not is_database_unavailable(error)
