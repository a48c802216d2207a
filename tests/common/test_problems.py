"""Every error path answers with an RFC 9457 problem document."""

from __future__ import annotations

PROBLEM = "application/problem+json"


async def test_unknown_path_is_a_404_problem(probe):
    r = await probe.client.get("/probe/v1/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["status"] == 404
    assert body["type"].endswith("/not-found")
    assert body["instance"] == "/probe/v1/nothing-here"


async def test_wrong_method_is_a_405_problem(probe):
    r = await probe.client.delete("/probe/v1/entries")
    assert r.status_code == 405
    assert r.headers["content-type"] == PROBLEM
    assert "allow" in r.headers


async def test_validation_lists_offending_fields(probe, tokens):
    r = await probe.client.post(
        "/probe/v1/notes", json={"text": "", "count": -1}, headers=tokens.headers(roles=[])
    )
    assert r.status_code == 422
    body = r.json()
    assert r.headers["content-type"] == PROBLEM
    locations = {tuple(e["location"]) for e in body["errors"]}
    assert ("body", "text") in locations
    assert ("body", "count") in locations


async def test_missing_token_is_401_with_www_authenticate(probe):
    r = await probe.client.post("/probe/v1/notes", json={"text": "x"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert r.json()["type"].endswith("/unauthorized")


async def test_missing_role_is_403(probe, tokens):
    r = await probe.client.get(
        "/probe/v1/admin-only", headers=tokens.headers(roles=["case_worker"])
    )
    assert r.status_code == 403
    ok = await probe.client.get(
        "/probe/v1/admin-only", headers=tokens.headers(roles=["admin"], sub="root")
    )
    assert ok.json() == {"sub": "root"}


async def test_domain_conflict_carries_extensions(probe):
    r = await probe.client.get("/probe/v1/conflict")
    assert r.status_code == 409
    assert r.json()["state"] == "approved"
    assert r.json()["detail"] == "Already decided"


async def test_unexpected_error_is_500_without_internals(probe):
    r = await probe.client.get("/probe/v1/boom", headers={"X-Request-ID": "trace-me-1"})
    assert r.status_code == 500
    assert "hunter2" not in r.text
    assert r.json()["request_id"] == "trace-me-1"
    assert r.headers["x-request-id"] == "trace-me-1"
    assert r.headers["content-type"] == PROBLEM


async def test_database_range_error_is_422_not_500(probe):
    r = await probe.client.get("/probe/v1/overflow")
    assert r.status_code == 422
    assert r.json()["type"].endswith("/invalid-value")


async def test_nul_bytes_are_refused_before_the_database(probe, tokens):
    r = await probe.client.post(
        "/probe/v1/notes",
        content=b'{"text": "a\\u0000b"}',
        headers={**tokens.headers(roles=[]), "content-type": "application/json"},
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    r = await probe.client.get("/probe/v1/entries?cursor=%00")
    assert r.status_code == 422
