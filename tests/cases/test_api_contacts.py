"""Consultations, referrals, volunteers and their assignments; the worklist."""

from __future__ import annotations

from tests.cases.conftest import CASE_WORKER, FOREIGN_WORKER, OTHER_WORKER, open_case

CONSULTATION = {
    "held_on": "2026-03-09",
    "duration_minutes": 45,
    "mode": "office",
    "fields": ["language", "work"],
}


async def test_log_and_correct_a_consultation(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/consultations"
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.post(
        url, json={**CONSULTATION, "notes": "talked about VHS"}, headers=headers
    )
    assert r.status_code == 201
    item = r.json()
    assert item["recorded_by"] == CASE_WORKER.sub
    r = await svc.client.patch(
        f"{url}/{item['id']}", json={"duration_minutes": 60}, headers=headers
    )
    assert r.status_code == 428
    r = await svc.client.patch(
        f"{url}/{item['id']}",
        json={"duration_minutes": 60},
        headers={**headers, "If-Match": r.request.headers.get("If-Match", '"1"')},
    )
    assert (r.status_code, r.json()["duration_minutes"], r.headers["etag"]) == (200, 60, '"2"')
    await svc.client.post(url, json={**CONSULTATION, "fields": ["housing"]}, headers=headers)
    listed = await svc.client.get(url, params={"field": "housing"}, headers=headers)
    assert [c["fields"] for c in listed.json()["items"]] == [["housing"]]
    r = await svc.client.post(
        url, json={**CONSULTATION, "duration_minutes": 100000}, headers=headers
    )
    assert r.status_code == 422


async def test_referral_moves_forward_only(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/referrals"
    headers = CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    r = await svc.client.post(
        url,
        json={"agency": "job_centre", "field": "work", "referred_on": "2026-03-10"},
        headers=headers,
    )
    assert (r.status_code, r.json()["status"]) == (201, "sent")
    ref = f"{url}/{r.json()['id']}"
    assert (await svc.client.patch(ref, json={"status": "accepted"}, headers=headers)).json()[
        "status"
    ] == "accepted"
    assert (
        await svc.client.patch(ref, json={"status": "completed"}, headers=headers)
    ).status_code == 200
    r = await svc.client.patch(ref, json={"status": "sent"}, headers=headers)
    assert r.status_code == 409
    assert r.json()["type"].endswith("/invalid-transition")
    listed = await svc.client.get(url, params={"status": "completed"}, headers=headers)
    assert len(listed.json()["items"]) == 1


async def test_volunteers_belong_to_their_organization(svc):
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.post(
        "/cases/v1/volunteers",
        json={"display_name": "Helga M.", "languages": ["de"], "fields": ["language"]},
        headers=headers,
    )
    assert r.status_code == 201
    helper = r.json()
    foreign = await svc.client.get(
        f"/cases/v1/volunteers/{helper['id']}", headers=FOREIGN_WORKER.headers(svc.tokens)
    )
    assert foreign.status_code == 404
    foreign_list = await svc.client.get(
        "/cases/v1/volunteers", headers=FOREIGN_WORKER.headers(svc.tokens)
    )
    assert helper["id"] not in [v["id"] for v in foreign_list.json()["items"]]

    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}/volunteer-assignments"
    body = {"volunteer_id": helper["id"], "field": "language", "started_on": "2026-03-16"}
    r = await svc.client.post(url, json=body, headers=headers)
    assert r.status_code == 201
    r = await svc.client.patch(
        f"{url}/{r.json()['id']}",
        json={"ended_on": "2026-09-30"},
        headers={**headers, "If-Match": '"1"'},
    )
    assert r.json()["ended_on"] == "2026-09-30"
    r = await svc.client.patch(
        f"/cases/v1/volunteers/{helper['id']}",
        json={"active": False},
        headers={**headers, "If-Match": '"1"'},
    )
    assert r.json()["active"] is False
    r = await svc.client.post(url, json=body, headers=headers)
    assert r.status_code == 409
    other_case = await open_case(svc, FOREIGN_WORKER)
    r = await svc.client.post(
        f"/cases/v1/cases/{other_case['id']}/volunteer-assignments",
        json=body,
        headers=FOREIGN_WORKER.headers(svc.tokens),
    )
    assert r.status_code == 404
    active = await svc.client.get(
        "/cases/v1/volunteers", params={"active": "true"}, headers=headers
    )
    assert helper["id"] not in [v["id"] for v in active.json()["items"]]


async def test_worklist_orders_overdue_first_and_shows_only_own_open_cases(svc):
    headers = CASE_WORKER.headers(svc.tokens)
    no_plan = await open_case(svc, pseudonym="no-plan")
    later = await open_case(svc, pseudonym="later")
    overdue = await open_case(svc, pseudonym="overdue")
    closed = await open_case(svc, pseudonym="closed")
    await open_case(svc, OTHER_WORKER, pseudonym="not mine")
    for case, review in ((later, "2099-01-01"), (overdue, "2020-01-01"), (closed, "2020-01-01")):
        await svc.client.post(
            f"/cases/v1/cases/{case['id']}/plan/versions",
            json={"next_review_on": review},
            headers=headers,
        )
    await svc.client.patch(
        f"/cases/v1/cases/{closed['id']}",
        json={"status": "closed", "closing_reason": "independent"},
        headers={**headers, "If-Match": "*"},
    )
    r = await svc.client.get("/cases/v1/worklist", params={"limit": 2}, headers=headers)
    page1 = r.json()
    r = await svc.client.get(
        "/cases/v1/worklist", params={"limit": 2, "cursor": page1["next_cursor"]}, headers=headers
    )
    items = page1["items"] + r.json()["items"]
    assert [(i["pseudonym"], i["review_state"]) for i in items] == [
        ("overdue", "overdue"),
        ("later", "scheduled"),
        ("no-plan", "none"),
    ]
    assert no_plan["id"] == items[-1]["id"]
