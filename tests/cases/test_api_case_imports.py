"""Bulk import from municipal IT: per-line results, create or update by external_id, repeatable."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from services.cases.models import client_case
from services.common.tables import outbox_event
from tests.cases.conftest import CASE_WORKER, FOREIGN_WORKER

NDJSON = {"Content-Type": "application/x-ndjson"}


def _lines(*items: dict[str, Any] | str) -> str:
    return "\n".join(i if isinstance(i, str) else json.dumps(i) for i in items) + "\n"


def _case(external_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "pseudonym": f"p-{external_id}",
        "municipality_ags": "08117019",
        "opened_on": "2025-05-12",
        **extra,
    }


async def _post(svc, body: str, caller=CASE_WORKER, mode="valid-rows", **headers):
    return await svc.client.post(
        "/cases/v1/case-imports",
        params={"mode": mode},
        content=body,
        headers=caller.headers(svc.tokens, **NDJSON, **headers),
    )


async def test_import_reports_each_line_and_is_repeatable(svc):
    body = _lines(
        _case("A-1"),
        _case("A-2", status="closed", closing_reason="moved", closed_on="2026-01-31"),
        "not json",
        _case("A-3", municipality_ags="123"),
        _case("A-1"),
        "",
        _case("A-4", status="closed"),
    )
    r = await _post(svc, body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["summary"] == {"created": 2, "updated": 0, "unchanged": 0, "failed": 4}
    by_line = {x["line"]: x for x in out["results"]}
    assert by_line[1]["outcome"] == by_line[2]["outcome"] == "created"
    errors = {(e["line"], e["field"], e["code"]): e["message"] for e in out["line_errors"]}
    assert errors[(3, None, "malformed")] == "not a JSON object"
    assert (4, "municipality_ags", "invalid") in errors
    assert "repeats line 1" in errors[(5, "external_id", "duplicate")]
    assert 6 not in by_line
    assert "closing_reason" in errors[(7, None, "invalid")]
    assert by_line[3]["outcome"] == by_line[7]["outcome"] == "failed"
    assert by_line[1]["reference"] != by_line[2]["reference"]

    again = await _post(svc, body)
    assert again.json()["summary"] == {"created": 0, "updated": 0, "unchanged": 2, "failed": 4}
    assert [x["case_id"] for x in again.json()["results"][:2]] == [
        by_line[1]["case_id"],
        by_line[2]["case_id"],
    ]

    changed = await _post(svc, _lines(_case("A-1", pseudonym="renamed"), _case("A-9")))
    assert changed.json()["summary"] == {"created": 1, "updated": 1, "unchanged": 0, "failed": 0}
    r = await svc.client.get(
        f"/cases/v1/cases/{by_line[1]['case_id']}", headers=CASE_WORKER.headers(svc.tokens)
    )
    assert (r.json()["pseudonym"], r.json()["version"]) == ("renamed", 2)
    async with svc.session() as s:
        count = (
            await s.exec(
                select(func.count())
                .select_from(client_case)
                .where(client_case.c.org_id == CASE_WORKER.org)
            )
        ).one()[0]
        events = (
            (
                await s.exec(
                    select(outbox_event.c.type).where(
                        outbox_event.c.type.in_(["case.opened", "case.updated"])
                    )
                )
            )
            .scalars()
            .all()
        )
    assert count == 3
    assert sorted(events) == ["case.opened"] * 3 + ["case.updated"]


async def test_import_matches_external_ids_only_within_the_organization(svc):
    await _post(svc, _lines(_case("SHARED")))
    r = await _post(svc, _lines(_case("SHARED")), caller=FOREIGN_WORKER)
    assert r.json()["summary"]["created"] == 1


async def test_import_with_idempotency_key_replays(svc):
    body = _lines(_case("I-1"))
    first = await _post(svc, body, **{"Idempotency-Key": "imp-1"})
    again = await _post(svc, body, **{"Idempotency-Key": "imp-1"})
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"


async def test_an_uploaded_file_with_idempotency_key_replays(svc):
    """Each multipart body has its own boundary: the key stands for the file and the mode."""
    headers = CASE_WORKER.headers(svc.tokens, **{"Idempotency-Key": "upload-1"})
    body = _lines(_case("U-1")).encode()

    async def upload(mode: str):
        return await svc.client.post(
            "/cases/v1/case-imports",
            params={"mode": mode},
            files={"file": ("cases.jsonl", body, "application/x-ndjson")},
            headers=headers,
        )

    first = await upload("all-or-nothing")
    again = await upload("all-or-nothing")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    other_mode = await upload("valid-rows")
    assert other_mode.status_code == 422
    assert other_mode.json()["type"].endswith("/idempotency-key-reused")


async def test_import_limits_and_media_type(svc):
    r = await svc.client.post(
        "/cases/v1/case-imports",
        content=_lines(_case("X")),
        headers=CASE_WORKER.headers(svc.tokens, **{"Content-Type": "application/json"}),
    )
    assert r.status_code == 415
    too_many = "\n".join(json.dumps(_case(f"M-{i}")) for i in range(10_001))
    r = await _post(svc, too_many)
    assert r.status_code == 413
    r = await _post(
        svc,
        _lines(
            {
                "external_id": "L",
                "pseudonym": "x" * 5000,
                "municipality_ags": "08117019",
                "opened_on": "2025-01-01",
            }
        ),
    )
    assert r.status_code == 422  # its only line failed: nothing to commit
    assert r.json()["line_errors"][0]["code"] == "malformed"


async def test_import_of_ten_thousand_lines(svc):
    body = "\n".join(json.dumps(_case(f"BIG-{i}")) for i in range(10_000))
    r = await _post(svc, body)
    assert r.status_code == 200
    assert r.json()["summary"]["created"] == 10_000
    refs = {x["reference"] for x in r.json()["results"]}
    assert len(refs) == 10_000
