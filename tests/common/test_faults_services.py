"""Every operation of auth, cases and funding, with the database gone after start-up: a 503
problem with Retry-After wherever the database is needed, never a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, get_args

import pytest
from fastapi import FastAPI

from services.auth.accounts.schemas import Role
from services.auth.app import create_app as create_auth
from services.auth.settings import AuthSettings
from services.cases.app import create_app as create_cases
from services.cases.settings import CasesSettings
from services.common.db import make_engine, make_sessionmaker
from services.common.orgs import org_id_for_ags
from services.funding.app import create_app as create_funding
from services.funding.settings import FundingSettings
from tests.common.test_faults import closed_port_url
from tests.support.apps import Databases, running_service
from tests.support.tokens import TokenFactory

PROBLEM = "application/problem+json"
SOME_ID = "00000000-0000-4000-8000-000000000001"
ALL_ROLES = list(get_args(Role))
# answered without the database: liveness, metrics, the documents, the published keys (cached)
# answers that need no database; logout without an id_token_hint has no login to end
NO_DATABASE = re.compile(
    r"/(healthz|metrics|openapi\.json|docs|v1/logout|\.well-known/[a-z-]+(\.json)?)$"
)

APPS: dict[str, tuple[Callable[..., FastAPI], Callable[[str], Any]]] = {
    "auth": (
        create_auth,
        lambda url: AuthSettings(
            database_url=url,
            log_json=True,
            argon2_time_cost=1,
            argon2_memory_kib=8,
            argon2_parallelism=1,
        ),
    ),
    "cases": (create_cases, lambda url: CasesSettings(database_url=url, log_json=True)),
    "funding": (create_funding, lambda url: FundingSettings(database_url=url, log_json=True)),
}


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for template, item in app.openapi()["paths"].items():
        path = re.sub(r"\{[^}]+\}", SOME_ID, template)
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                out.append((method.upper(), path, operation))
    return out


def example_body(document: dict[str, Any], content: dict[str, Any]) -> Any:
    """The request schema's first example (the models declare one), else an empty object."""
    schema = (content.get("application/json") or {}).get("schema") or {}
    if ref := schema.get("$ref"):
        schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return (schema.get("examples") or [{}])[0]


def request_kwargs(
    document: dict[str, Any], operation: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "headers": {**headers, "Idempotency-Key": "outage-1", "If-Match": '"1"'}
    }
    content = (operation.get("requestBody") or {}).get("content") or {}
    if "application/x-www-form-urlencoded" in content:
        kwargs["data"] = {
            "grant_type": "password",
            "username": "cw.goeppingen",
            "password": "pakt-demo-2026",
        }
    elif content:
        kwargs["json"] = example_body(document, content)
    return kwargs


@pytest.mark.parametrize("service", sorted(APPS))
async def test_every_operation_answers_503_or_a_4xx_when_the_database_is_gone(
    service: str, databases: Databases, tokens: TokenFactory
):
    create, settings = APPS[service]
    url = databases.isolated_url(service)
    headers = tokens.headers(
        roles=ALL_ROLES, org=org_id_for_ags("08117019"), org_path=["08", "081", "08117", "08117019"]
    )
    async with running_service(create, settings(url), tokens, isolated=True) as sut:
        await sut.app.state.engine.dispose()
        dead = make_engine(closed_port_url(), app_name=f"pakt-{service}")
        sut.app.state.engine = dead
        sut.app.state.sessionmaker = make_sessionmaker(dead)
        seen: dict[int, list[str]] = {}
        for method, path, operation in operations(sut.app):
            response = await sut.client.request(
                method, path, **request_kwargs(sut.app.openapi(), operation, headers)
            )
            seen.setdefault(response.status_code, []).append(f"{method} {path}")
            assert response.status_code < 500 or response.status_code == 503, (
                method,
                path,
                response.status_code,
                response.text[:300],
            )
            if response.status_code == 503:
                assert response.headers["content-type"] == PROBLEM
                assert int(response.headers["retry-after"]) > 0
            elif response.status_code < 400 and not NO_DATABASE.search(path):
                pytest.fail(f"{method} {path}: {response.status_code} {response.text[:200]}")
        await dead.dispose()
    print(service, {status: len(calls) for status, calls in sorted(seen.items())})  # noqa: T201
    # the rest refused the request before needing the database (422, 428, ...)
    assert len(seen.get(503, [])) >= 3, seen
