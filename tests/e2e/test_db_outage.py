"""The first request after the database dropped every connection succeeds, through the gateway.

A real restart of the shared PostgreSQL server is not an option in tests (other runs use it);
`pg_terminate_backend` on the stack's own connections is what a restart does to a pool: every
pooled connection is closed by the server. (`make drills` kills a private server for real.)
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from services.cli.stack import Stack
from tests.common.test_faults import terminate_backends
from tests.support.stack import demo_token

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]

APP_NAMES = ["pakt-auth", "pakt-cases", "pakt-funding"]


@pytest.fixture
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as c:
        yield c


def calls(stack: Stack) -> dict[str, tuple[str, str, dict[str, str]]]:
    worker = {"Authorization": f"Bearer {demo_token(stack, 'cw.goeppingen')}"}
    applicant = {"Authorization": f"Bearer {demo_token(stack, 'applicant.goeppingen')}"}
    return {
        "auth": ("GET", "/auth/v1/me", worker),
        "cases": ("GET", "/cases/v1/cases", worker),
        "funding": ("GET", "/funding/v1/applications", applicant),
    }


async def test_first_requests_after_the_server_closed_every_connection_succeed(stack, client):
    planned = calls(stack)
    for method, path, headers in planned.values():
        for _ in range(3):  # several pooled connections per service
            assert client.request(method, path, headers=headers).status_code == 200

    databases = [url.rsplit("/", 1)[1] for url in stack.database_urls.values()]
    any_url = next(iter(stack.database_urls.values()))
    assert await terminate_backends(any_url, APP_NAMES, databases) >= 3

    first = {
        service: client.request(method, path, headers=headers)
        for service, (method, path, headers) in planned.items()
    }
    assert {s: r.status_code for s, r in first.items()} == dict.fromkeys(planned, 200), {
        s: r.text[:300] for s, r in first.items()
    }
    token = client.post(
        "/auth/v1/token",
        data={"grant_type": "password", "username": "cw.goeppingen", "password": "pakt-demo-2026"},
    )
    assert token.status_code == 200
    for service in planned:
        assert client.get(f"/{service}/readyz").status_code == 200
