"""Integration plans: version 1, reviews with If-Match, old versions readable."""

from __future__ import annotations

from sqlalchemy import select

from services.common.tables import outbox_event
from tests.cases.conftest import CASE_WORKER, open_case

PLAN = {
    "change_note": "Initial plan",
    "next_review_on": "2026-06-01",
    "goals": [
        {"field": "language", "description": "B1 German", "status": "in_progress"},
        {"field": "recognition", "description": "Recognition of pharmacy degree"},
    ],
}


async def test_plan_is_versioned_and_old_versions_stay_readable(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/plan"
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.get(url, headers=headers)
    assert r.status_code == 404
    r = await svc.client.post(url + "/versions", json=PLAN, headers=headers)
    assert r.status_code == 201, r.text
    assert (r.json()["number"], r.headers["etag"]) == (1, '"1"')
    revision = {
        "change_note": "Course finished; recognition started",
        "next_review_on": "2026-12-01",
        "goals": [
            {"field": "language", "description": "B1 German", "status": "achieved"},
            {
                "field": "recognition",
                "description": "Recognition of pharmacy degree",
                "status": "in_progress",
            },
            {"field": "work", "description": "Internship in a pharmacy"},
        ],
    }
    r = await svc.client.post(url + "/versions", json=revision, headers=headers)
    assert r.status_code == 428
    r = await svc.client.post(
        url + "/versions", json=revision, headers={**headers, "If-Match": '"1"'}
    )
    assert r.status_code == 201
    assert r.json()["number"] == 2
    stale = await svc.client.post(
        url + "/versions", json=revision, headers={**headers, "If-Match": '"1"'}
    )
    assert stale.status_code == 412

    current = await svc.client.get(url, headers=headers)
    assert current.json()["number"] == 2
    assert [g["status"] for g in current.json()["goals"]] == ["achieved", "in_progress", "open"]
    old = await svc.client.get(url + "/versions/1", headers=headers)
    assert old.json()["change_note"] == "Initial plan"
    assert [g["status"] for g in old.json()["goals"]] == ["in_progress", "open"]
    listed = await svc.client.get(url + "/versions", headers=headers)
    assert [v["number"] for v in listed.json()["items"]] == [1, 2]
    case_now = await svc.client.get(f"/cases/v1/cases/{case['id']}", headers=headers)
    assert case_now.json()["next_review_on"] == "2026-12-01"
    async with svc.session() as s:
        events = (
            await s.exec(select(outbox_event).where(outbox_event.c.entity_id == case["id"]))
        ).all()
    assert [e.type for e in events] == ["case.opened", "plan.created", "plan.revised"]
    assert "pharmacy" not in str([e.payload for e in events])


async def test_plan_version_create_is_idempotent(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/plan/versions"
    headers = CASE_WORKER.headers(svc.tokens, **{"Idempotency-Key": "plan-1"})
    first = await svc.client.post(url, json=PLAN, headers=headers)
    again = await svc.client.post(url, json=PLAN, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    listed = await svc.client.get(url, headers=CASE_WORKER.headers(svc.tokens))
    assert len(listed.json()["items"]) == 1


async def test_unknown_version_and_bad_goal_are_problems(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/plan/versions"
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.get(url + "/7", headers=headers)
    assert r.status_code == 404
    r = await svc.client.post(url, json={"goals": [{"field": "cooking"}]}, headers=headers)
    assert r.status_code == 422
    r = await svc.client.post(url, json={"goals": [{"field": "work"}] * 31}, headers=headers)
    assert r.status_code == 422
