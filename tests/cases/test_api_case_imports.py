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


async def _post(svc, body: str, caller=CASE_WORKER, **headers):
    return await svc.client.post(
        "/cases/v1/case-imports",
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
    assert by_line[3]["errors"] == ["not a JSON object"]
    assert "municipality_ags" in by_line[4]["errors"][0]
    assert "earlier" in by_line[5]["errors"][0]
    assert 6 not in by_line
    assert "closing_reason" in by_line[7]["errors"][0]
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


async def test_import_limits_and_media_type(svc):
    r = await svc.client.post(
        "/cases/v1/case-imports",
        content=_lines(_case("X")),
        headers=CASE_WORKER.headers(svc.tokens, **{"Content-Type": "text/csv"}),
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
    assert r.json()["results"][0]["outcome"] == "failed"


async def test_import_of_ten_thousand_lines(svc):
    body = "\n".join(json.dumps(_case(f"BIG-{i}")) for i in range(10_000))
    r = await _post(svc, body)
    assert r.status_code == 200
    assert r.json()["summary"]["created"] == 10_000
    refs = {x["reference"] for x in r.json()["results"]}
    assert len(refs) == 10_000
