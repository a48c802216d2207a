"""Idempotency-Key: retries replay, a reused key with another body is refused."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from services.common.settings import ServiceSettings
from services.common.tables import audit_entry
from tests.common.probe_app import create_probe_app
from tests.support.apps import running_service


async def _audit_count(probe) -> int:
    async with probe.session() as s:
        return int((await s.exec(select(func.count()).select_from(audit_entry))).one()[0])


async def test_same_key_same_body_replays_without_acting_twice(probe, tokens):
    headers = {**tokens.headers(roles=[], sub="u1", org="o1"), "Idempotency-Key": "k-1"}
    before = await _audit_count(probe)
    first = await probe.client.post("/probe/v1/notes", json={"text": "hello"}, headers=headers)
    again = await probe.client.post("/probe/v1/notes", json={"text": "hello"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert await _audit_count(probe) == before + 1


async def test_same_key_other_body_is_422(probe, tokens):
    headers = {**tokens.headers(roles=[], sub="u1", org="o1"), "Idempotency-Key": "k-2"}
    await probe.client.post("/probe/v1/notes", json={"text": "hello"}, headers=headers)
    r = await probe.client.post("/probe/v1/notes", json={"text": "other"}, headers=headers)
    assert r.status_code == 422
    assert r.json()["type"].endswith("/idempotency-key-reused")


async def test_keys_are_scoped_per_caller(probe, tokens):
    a = {**tokens.headers(roles=[], sub="u1", org="o1"), "Idempotency-Key": "shared"}
    b = {**tokens.headers(roles=[], sub="u2", org="o1"), "Idempotency-Key": "shared"}
    ra = await probe.client.post("/probe/v1/notes", json={"text": "x"}, headers=a)
    rb = await probe.client.post("/probe/v1/notes", json={"text": "x"}, headers=b)
    assert ra.json()["id"] != rb.json()["id"]
    assert "idempotent-replayed" not in rb.headers


async def test_failed_request_releases_its_key(probe, tokens):
    headers = {**tokens.headers(roles=[], sub="u1", org="o1"), "Idempotency-Key": "k-3"}
    bad = await probe.client.post("/probe/v1/notes", json={"text": ""}, headers=headers)
    assert bad.status_code == 422
    good = await probe.client.post("/probe/v1/notes", json={"text": "fine"}, headers=headers)
    assert good.status_code == 201


async def test_concurrent_duplicates_act_once(databases, tokens):
    settings = ServiceSettings(database_url=databases.isolated_url("cases"))
    async with running_service(create_probe_app, settings, tokens, isolated=True) as probe:
        headers = {**tokens.headers(roles=[], sub="u9", org="o9"), "Idempotency-Key": "race"}
        before = await _audit_count(probe)
        results = await asyncio.gather(
            *[
                probe.client.post("/probe/v1/notes", json={"text": "x"}, headers=headers)
                for _ in range(5)
            ]
        )
        assert {r.status_code for r in results} <= {201, 409}
        created = {r.json()["id"] for r in results if r.status_code == 201}
        assert len(created) == 1
        assert await _audit_count(probe) == before + 1
    databases.drop_isolated()


async def test_same_json_in_another_key_order_is_the_same_request(probe, tokens):
    headers = {
        **tokens.headers(roles=[], sub="u1", org="o1"),
        "Idempotency-Key": "k-order",
        "content-type": "application/json",
    }
    first = await probe.client.post(
        "/probe/v1/notes", content=b'{"text":"a","count":2}', headers=headers
    )
    again = await probe.client.post(
        "/probe/v1/notes", content=b'{ "count": 2, "text": "a" }', headers=headers
    )
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
