"""Request ids, pagination, ETags, health, readiness and metrics as clients see them."""

from __future__ import annotations

import re

import pytest

from services.common.settings import ServiceSettings
from tests.common.probe_app import create_probe_app
from tests.support.apps import running_service


async def test_request_id_is_echoed_or_generated(probe):
    given = await probe.client.get("/probe/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = await probe.client.get("/probe/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    hostile = await probe.client.get("/probe/healthz", headers={"X-Request-ID": "a b\tc" * 50})
    assert re.fullmatch(r"[0-9a-f]{32}", hostile.headers["x-request-id"])


async def test_cursor_pages_cover_everything_once(probe, tokens):
    headers = tokens.headers(roles=[], sub="pager", org="o1")
    for i in range(7):
        await probe.client.post("/probe/v1/notes", json={"text": f"n{i}"}, headers=headers)
    seen: list[int] = []
    url = "/probe/v1/entries?limit=3"
    pages = 0
    while url:
        r = await probe.client.get(url)
        body = r.json()
        seen.extend(e["id"] for e in body["items"])
        pages += 1
        if body["next_cursor"]:
            assert 'rel="next"' in r.headers["link"]
            assert "limit=3" in r.headers["link"]
            url = r.headers["link"].split(";")[0].strip("<>")
        else:
            assert "link" not in r.headers
            url = ""
    assert len(seen) == len(set(seen)) >= 7
    assert seen == sorted(seen)
    assert pages >= 3


async def test_tampered_cursor_is_a_400_problem(probe):
    r = await probe.client.get("/probe/v1/entries?cursor=not-a-cursor")
    assert r.status_code == 400
    assert r.json()["type"].endswith("/invalid-cursor")


async def test_limit_out_of_range_is_422(probe):
    r = await probe.client.get("/probe/v1/entries?limit=1000")
    assert r.status_code == 422


async def test_if_match_is_required_and_checked(probe):
    missing = await probe.client.put("/probe/v1/versioned?version=3")
    assert missing.status_code == 428
    stale = await probe.client.put("/probe/v1/versioned?version=3", headers={"If-Match": '"2"'})
    assert stale.status_code == 412
    assert stale.json()["current_etag"] == '"3"'
    fresh = await probe.client.put("/probe/v1/versioned?version=3", headers={"If-Match": '"3"'})
    assert fresh.status_code == 200
    assert fresh.headers["etag"] == '"4"'
    everything = await probe.client.put("/probe/v1/versioned?version=3", headers={"If-Match": "*"})
    assert everything.status_code == 200


@pytest.mark.parametrize(
    ("sent", "says"),
    [
        ("3", 'quotes included: If-Match: "3" (you sent 3)'),
        ('W/"3"', 'strong ETags only (RFC 9110 13.1.1): send "3", without the W/ prefix'),
        ('"3", 4', 'If-Match: "4" (you sent 4)'),
        (", ,", "If-Match names no ETag"),
    ],
)
async def test_an_unquoted_or_weak_if_match_says_how_to_send_it(probe, sent, says):
    """Not a 412 "changed since you read it" (nothing changed), not a 422: a 400 naming the fix,
    even when the version it names is the current one."""
    r = await probe.client.put("/probe/v1/versioned?version=3", headers={"If-Match": sent})
    assert r.status_code == 400
    problem = r.json()
    assert problem["type"].endswith("/invalid-etag")
    assert says in problem["detail"]
    assert problem["sent"] == sent


async def test_if_none_match_answers_304_without_a_body_keeping_the_etag(probe):
    fresh = await probe.client.get("/probe/v1/versioned?version=5")
    assert fresh.status_code == 200
    assert fresh.headers["etag"] == '"5"'
    for header in ('"5"', 'W/"5"', '"4", "5"', "*"):
        cached = await probe.client.get(
            "/probe/v1/versioned?version=5", headers={"If-None-Match": header}
        )
        assert cached.status_code == 304, header
        assert cached.content == b""
        assert cached.headers["etag"] == '"5"'
        assert "content-type" not in cached.headers
        assert "x-request-id" in cached.headers
    changed = await probe.client.get(
        "/probe/v1/versioned?version=6", headers={"If-None-Match": '"5"'}
    )
    assert (changed.status_code, changed.json()) == (200, {"version": 6})
    unquoted = await probe.client.get(
        "/probe/v1/versioned?version=5", headers={"If-None-Match": "5"}
    )
    assert unquoted.status_code == 200  # never matches: the full answer, as without the header
    write = await probe.client.put(
        "/probe/v1/versioned?version=5", headers={"If-Match": '"5"', "If-None-Match": '"6"'}
    )
    assert write.status_code == 200  # only reads are made conditional by If-None-Match


async def test_health_readiness_and_metrics(probe):
    assert (await probe.client.get("/probe/healthz")).json() == {"status": "ok", "service": "probe"}
    assert (await probe.client.get("/probe/readyz")).json()["status"] == "ready"
    await probe.client.get("/probe/v1/entries?limit=2")
    metrics = (await probe.client.get("/probe/metrics")).text
    assert 'http_requests_total{method="GET",route="/probe/v1/entries",status="200"}' in metrics
    assert "http_request_duration_seconds_bucket" in metrics


async def test_readyz_is_503_when_the_database_is_gone(tokens):
    settings = ServiceSettings(database_url="postgresql://postgres@127.0.0.1:1/none")
    async with running_service(create_probe_app, settings, tokens, isolated=True) as probe:
        r = await probe.client.get("/probe/readyz")
        assert r.status_code == 503
        assert r.headers["content-type"] == "application/problem+json"
        assert (await probe.client.get("/probe/healthz")).status_code == 200
