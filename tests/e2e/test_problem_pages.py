"""Every problem `type` resolves: the gateway serves a page per problem type at /problems/."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from services.cli.gateway import OPENAPI_FILE
from services.cli.stack import Stack
from services.tooling.problem_pages import all_problem_types
from tests.support.stack import demo_token

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]


@pytest.fixture
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as c:
        yield c


def _documented_types(node: Any) -> set[str]:
    """Every problem `type` URI in the contract's examples."""
    found: set[str] = set()
    if isinstance(node, dict):
        kind = node.get("type")
        if isinstance(kind, str) and "/problems/" in kind:
            found.add(kind)
        for value in node.values():
            found |= _documented_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= _documented_types(value)
    return found


def _assert_page(client: httpx.Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers["content-type"].startswith("text/html"), path
    return response.text


def test_every_problem_type_the_contract_documents_has_a_page(client):
    documented = _documented_types(yaml.safe_load(OPENAPI_FILE.read_text()))

    assert len(documented) >= 5
    for uri in sorted(documented):
        page = _assert_page(client, urlsplit(uri).path)
        assert urlsplit(uri).path.removeprefix("/problems/") in page


def test_every_declared_problem_type_has_a_page_in_both_languages(client):
    for kind in all_problem_types():
        page = _assert_page(client, f"/problems/{kind.slug}")
        assert kind.title("de") in page.replace("&#x27;", "'"), kind.slug
        assert 'lang="de"' in page


def test_the_index_lists_every_problem_type(client):
    index = _assert_page(client, "/problems/")

    assert all(f'href="{kind.slug}"' in index for kind in all_problem_types())


def test_an_unknown_problem_type_is_a_404_problem(client):
    response = client.get("/problems/no-such-problem")

    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith("/problems/not-found")


def test_a_live_problem_names_its_page_at_this_gateway_in_the_callers_language(stack, client):
    token = demo_token(stack, "cw.goeppingen")
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": "de-DE,de;q=0.9"}

    response = client.get(f"/cases/v1/cases/{uuid.uuid4()}", headers=headers)

    body = response.json()
    assert response.status_code == 404
    assert body["type"] == f"{stack.gateway_url}/problems/case-not-found"
    assert body["title"] == "Fall nicht gefunden"
    assert response.headers["content-language"].startswith("de")
    assert "Accept-Language" in response.headers["vary"]
    assert "Fall nicht gefunden" in _assert_page(client, urlsplit(body["type"]).path)


@pytest.mark.parametrize(
    ("language", "title"), [(None, "Not found"), ("de", "Nicht gefunden"), ("fr", "Not found")]
)
def test_the_gateways_own_problems_follow_accept_language(stack, client, language, title):
    headers = {"Accept-Language": language} if language else {}

    response = client.get("/nowhere/at/all", headers=headers)

    assert response.status_code == 404
    assert response.json()["title"] == title
    assert response.json()["type"] == f"{stack.gateway_url}/problems/not-found"
    assert response.headers["content-language"] == ("de" if language == "de" else "en")
    assert "Accept-Language" in response.headers.get("vary", "")


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Closing a case needs a closing_reason"),
        ("de-DE,de;q=0.9,en;q=0.5", "Zum Abschließen eines Falls ist ein closing_reason nötig"),
    ],
)
def test_a_domain_problems_detail_through_the_gateway_follows_accept_language(
    stack, client, language, detail
):
    headers = {"Authorization": f"Bearer {demo_token(stack, 'cw.goeppingen')}"}
    body = {"pseudonym": "GP-Sprache", "municipality_ags": "08117019", "opened_on": "2026-03-02"}
    case = client.post("/cases/v1/cases", json=body, headers=headers)
    assert case.status_code == 201, case.text

    response = client.patch(
        f"/cases/v1/cases/{case.json()['id']}",
        json={"status": "closed"},
        headers={**headers, "If-Match": case.headers["etag"], "Accept-Language": language},
    )

    assert response.status_code == 409
    assert response.json()["detail"] == detail
    assert response.headers["content-language"] == language[:2]
    assert response.json()["type"] == f"{stack.gateway_url}/problems/invalid-transition"
    unchanged = client.get(f"/cases/v1/cases/{case.json()['id']}", headers=headers)
    assert unchanged.json()["status"] == case.json()["status"]
