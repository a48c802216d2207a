"""What the gateway answers itself is a problem document too: oversized headers, long URIs,
unreadable requests, unsupported versions; metrics are not reachable through it."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from services.cli.stack import Stack
from tests.e2e.test_gateway import PROBLEM, SERVICES, assert_problem

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]


@pytest.fixture
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as client:
        yield client


def raw_request(stack: Stack, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Sends bytes no HTTP client would; returns status, headers (lower-case names), body."""
    url = urlsplit(stack.gateway_url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def test_a_70_kb_header_is_a_431_problem(gateway):
    response = gateway.get("/cases/healthz", headers={"X-Big": "a" * 70_000})

    body = assert_problem(response, 431, "header-fields-too-large")
    assert "8k" in str(body["detail"])


def test_a_10_kb_idempotency_key_is_a_431_problem(gateway):
    response = gateway.post(
        "/cases/v1/cases", json={"pseudonym": "x"}, headers={"Idempotency-Key": "k" * 10_240}
    )

    assert_problem(response, 431, "header-fields-too-large")


def test_a_huge_cookie_is_a_431_problem(gateway):
    response = gateway.get("/auth/healthz", headers={"Cookie": "; ".join(["a=b"] * 3000)})

    assert_problem(response, 431, "header-fields-too-large")


def test_a_long_uri_is_a_414_problem(gateway):
    response = gateway.get("/cases/v1/cases?q=" + "a" * 10_000)

    assert_problem(response, 414, "uri-too-long")


@pytest.mark.parametrize(
    ("request_bytes", "status", "slug"),
    [
        (b"GARBAGE\r\n\r\n", 400, "bad-request"),
        (b"G@T / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        (b"GET /cases/healthz HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "bad-request"),
        (
            b"GET / HTTP/3.0\r\nHost: x\r\nConnection: close\r\n\r\n",
            505,
            "http-version-not-supported",
        ),
        (
            b"POST /cases/v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
            b"Connection: close\r\n\r\n",
            501,
            "not-implemented",
        ),
        (
            b"POST /cases/v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Connection: close\r\n\r\nzz\r\n",
            400,
            "bad-request",
        ),
    ],
    ids=["garbage", "bad-method", "no-host", "http-3.0", "gzip-encoding", "bad-chunk"],
)
def test_requests_nginx_cannot_read_get_problems(stack, request_bytes, status, slug):
    got, headers, body = raw_request(stack, request_bytes)

    assert got == status
    assert headers["content-type"].startswith(PROBLEM)
    problem = json.loads(body)
    assert problem["status"] == status
    assert problem["type"].endswith(f"/problems/{slug}")
    assert problem["request_id"] == headers["x-request-id"]


@pytest.mark.parametrize("path", ["/nothing.pdf", "/nothing.csv", "/nothing.html"])
def test_gateway_problems_are_json_whatever_the_path_ends_with(gateway, path):
    """nginx types a response by the URI's extension; its own problems must not become
    application/pdf or text/csv (a 429 on `.../decision-notice.pdf` did)."""
    r = gateway.get(path)
    assert r.headers["content-type"].startswith(PROBLEM), r.headers
    assert_problem(r, 404, "not-found")


def test_the_internal_problem_pages_are_not_public(gateway):
    assert_problem(gateway.get("/_problem/400"), 404, "not-found")


@pytest.mark.parametrize("service", SERVICES)
def test_metrics_are_not_served_through_the_gateway(gateway, service):
    for path in (
        f"/{service}/metrics",
        f"/{service}//metrics",
        f"/{service}/%6detrics",
        f"/{service}/./metrics",
        f"/{service}/metrics/",
        f"/{service}/metrics?format=text",
    ):
        assert_problem(gateway.get(path), 404, "not-found")


@pytest.mark.parametrize("service", SERVICES)
def test_metrics_are_scraped_from_the_service_port(stack, service):
    direct = httpx.get(f"{stack.service_url(service)}/{service}/metrics", timeout=10)
    proxied = httpx.get(
        f"{stack.service_url(service)}/{service}/metrics",
        headers={"X-Forwarded-For": "203.0.113.7"},
        timeout=10,
    )

    assert direct.status_code == 200
    assert direct.headers["content-type"].startswith("text/plain")
    assert "http_requests_total" in direct.text
    # whatever came through a proxy (the gateway, ingress-nginx) is refused by the service too
    assert proxied.status_code == 404
    assert proxied.headers["content-type"].startswith(PROBLEM)
