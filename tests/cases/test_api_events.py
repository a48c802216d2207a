"""The events feed: the owning organization's events, in order, without personal data."""

from __future__ import annotations

from tests.cases.conftest import CASE_WORKER, FOREIGN_WORKER, with_person


async def test_feed_shows_own_events_without_personal_data(svc):
    case = await with_person(svc)
    base = f"/cases/v1/cases/{case['id']}"
    headers = CASE_WORKER.headers(svc.tokens)
    await svc.client.post(
        base + "/plan/versions", json={"change_note": "Amina's plan"}, headers=headers
    )
    await svc.client.post(
        base + "/consultations",
        json={
            "held_on": "2026-03-09",
            "duration_minutes": 30,
            "mode": "phone",
            "fields": ["work"],
            "notes": "Amina",
        },
        headers=headers,
    )
    await svc.client.post(
        base + "/referrals",
        json={"agency": "job_centre", "field": "work", "referred_on": "2026-03-10"},
        headers=headers,
    )
    r = await svc.client.get("/cases/v1/events", params={"limit": 500}, headers=headers)
    assert r.status_code == 200
    mine = [e for e in r.json()["items"] if e["payload"].get("case_id") == case["id"]]
    assert [e["type"] for e in mine] == [
        "case.opened",
        "consent.recorded",
        "person.updated",
        "plan.created",
        "consultation.logged",
        "referral.sent",
    ]
    assert "Amina" not in r.text
    assert "GP-Falke" not in r.text
    foreign = await svc.client.get(
        "/cases/v1/events", params={"limit": 500}, headers=FOREIGN_WORKER.headers(svc.tokens)
    )
    assert case["id"] not in foreign.text
