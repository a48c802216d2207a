"""Through the gateway, as a client sees the platform: routing, problems, ids, limits, headers."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest
import yaml

from services.cli.stack import Stack
from tests.support.stack import demo_token

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]

PROBLEM = "application/problem+json"
SERVICES = ("auth", "cases", "funding")


@pytest.fixture
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as c:
        yield c


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert response.status_code == status
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert str(body["type"]).endswith(f"/problems/{slug}")
    assert body["title"]
    assert body["request_id"] == response.headers["x-request-id"]
    return body


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_is_healthy_and_ready_through_the_gateway(client, service):
    health = client.get(f"/{service}/healthz")
    ready = client.get(f"/{service}/readyz")

    assert health.status_code == 200
    assert health.json() == {"status": "ok", "service": service}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "service": service}


def test_unknown_path_is_a_problem_document(client):
    response = client.get("/nowhere/at/all")

    body = assert_problem(response, 404, "not-found")
    assert "/docs" in str(body["detail"])


def test_stopped_service_gives_502_problem_and_recovers_after_restart(stack, client):
    stack.stop_service("cases")
    try:
        down = client.get("/cases/healthz")
        others = [client.get(f"/{s}/healthz").status_code for s in ("auth", "funding")]
    finally:
        stack.start_service("cases")

    assert_problem(down, 502, "upstream-unavailable")
    assert others == [200, 200]
    assert client.get("/cases/healthz").status_code == 200


def test_trace_is_answered_by_the_service_with_its_allow_header(client):
    api = client.request("TRACE", "/auth/healthz")
    static = client.post("/docs")

    assert_problem(api, 405, "method-not-allowed")
    assert api.headers.get_list("allow") == ["GET"]
    assert_problem(static, 405, "method-not-allowed")
    assert static.headers["allow"] == "GET, HEAD"


def test_client_request_id_travels_to_the_service_and_back(client):
    response = client.get("/cases/v1/no-such-resource", headers={"X-Request-ID": "client-req.42"})

    assert response.headers["x-request-id"] == "client-req.42"
    assert response.headers.get_list("x-request-id") == ["client-req.42"]
    # the service's own problem body carries the id it received from the gateway
    assert response.status_code == 404
    assert response.json()["request_id"] == "client-req.42"


def test_gateway_generates_a_request_id_and_forwards_it(client):
    plain = client.get("/funding/v1/no-such-resource")
    malformed = client.get("/funding/v1/no-such-resource", headers={"X-Request-ID": "bad id <x>"})

    for response in (plain, malformed):
        generated = response.headers["x-request-id"]
        assert re.fullmatch(r"[0-9a-f]{32}", generated)
        assert response.json()["request_id"] == generated
    assert plain.headers["x-request-id"] != malformed.headers["x-request-id"]


def test_oversized_body_is_a_413_problem_but_bulk_endpoints_take_more(client):
    three_mb = b'{"rows": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    headers = {"Content-Type": "application/json"}

    too_big = client.post("/cases/v1/consultations", content=three_mb, headers=headers)
    bulk = client.post("/cases/v1/case-imports", content=three_mb, headers=headers)

    body = assert_problem(too_big, 413, "payload-too-large")
    assert "2m" in str(body["detail"])
    assert bulk.status_code != 413  # reaches the service, which judges it (e.g. 401)


def test_security_headers_on_api_and_docs(client):
    api = client.get("/auth/healthz")
    docs = client.get("/docs")

    for response in (api, docs):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["server"] == "nginx"  # no version
    assert api.headers["content-security-policy"].startswith("default-src 'none'")
    assert "script-src 'self'" in docs.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]


def test_cors_preflight_from_an_allowed_origin(client):
    response = client.options(
        "/cases/v1/cases",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    simple = client.get("/cases/healthz", headers={"Origin": "http://localhost:3000"})

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "Authorization" in response.headers["access-control-allow-headers"]
    assert simple.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert "X-Request-ID" in simple.headers["access-control-expose-headers"]


def test_cors_preflight_from_a_refused_origin(client):
    response = client.options(
        "/cases/v1/cases",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "DELETE"},
    )
    simple = client.get("/cases/healthz", headers={"Origin": "https://evil.example"})

    assert_problem(response, 403, "origin-not-allowed")
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-origin" not in simple.headers


def test_docs_page_and_contract_are_served_without_a_cdn(client):
    page = client.get("/docs")
    bundle = client.get("/docs/swagger-ui-bundle.js")
    contract = client.get("/openapi.yaml")

    assert page.status_code == 200
    assert "/docs/swagger-ui-bundle.js" in page.text
    assert "https://" not in page.text
    assert bundle.status_code == 200
    assert "SwaggerUIBundle" in bundle.text[:200_000]
    document = yaml.safe_load(contract.text)
    assert document["openapi"].startswith("3.")
    assert {"/auth/healthz", "/cases/healthz", "/funding/healthz"} <= set(document["paths"])


def test_token_endpoint_is_rate_limited_with_a_problem(client):
    statuses = []
    limited = None
    for _ in range(30):
        response = client.post("/auth/v1/token", data={"grant_type": "password"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            limited = response
            break
    time.sleep(2.5)  # let the bucket refill for other tests that need tokens

    assert limited is not None, statuses
    assert_problem(limited, 429, "rate-limited")
    assert limited.headers["retry-after"] == "1"
    assert client.get("/auth/healthz").status_code == 200  # other paths unaffected


def test_demo_user_gets_a_token_through_the_gateway_and_calls_an_api(stack, client):
    token = demo_token(stack, "cw.goeppingen")

    cases = client.get("/cases/v1/cases", headers={"Authorization": f"Bearer {token}"})
    anonymous = client.get("/cases/v1/cases")

    assert cases.status_code == 200
    assert isinstance(cases.json()["items"], list)
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith(PROBLEM)
    assert anonymous.headers["www-authenticate"].lower().startswith("bearer")


def test_wrong_password_is_a_problem_not_a_token(client):
    response = client.post(
        "/auth/v1/token",
        data={"grant_type": "password", "username": "cw.goeppingen", "password": "wrong"},
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["error"] == "invalid_grant"  # RFC 6749 error code inside the RFC 9457 problem
    assert "access_token" not in body
    assert body["request_id"] == response.headers["x-request-id"]
