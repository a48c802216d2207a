"""NUL bytes, which PostgreSQL text cannot hold, are refused with a 422 problem, never a 500.

The schemathesis runs leave NUL out (see tests/contract/runner.py), so this checks the
refusal directly on each service's real app: in a value, in a key, in the query.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from fastapi import FastAPI

from services.auth.app import create_app as auth_app
from services.cases.app import create_app as cases_app
from services.funding.app import create_app as funding_app

APPS: dict[str, Callable[[], FastAPI]] = {
    "auth": auth_app,
    "cases": cases_app,
    "funding": funding_app,
}


@pytest.mark.parametrize("service", sorted(APPS))
@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "/v1/events?cursor=a%00b", None),
        ("POST", "/v1/anything", b'{"name": "a\\u0000b"}'),
        ("POST", "/v1/anything", b'{"na\\u0000me": {"deep": ["\\u0000"]}}'),
    ],
)
async def test_nul_is_a_422_problem(service, method, suffix, body):
    app = APPS[service]()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.request(
            method,
            f"/{service}{suffix}",
            content=body,
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/invalid-characters")
