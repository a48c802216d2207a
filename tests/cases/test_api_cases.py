"""Opening, reading, changing, closing and listing cases."""

from __future__ import annotations

from sqlalchemy import select

from services.cases.models import access_log
from services.common.tables import audit_entry, outbox_event
from tests.cases.conftest import CASE_WORKER, OTHER_WORKER, PERSON, open_case, with_person


async def test_open_case_assigns_reference_and_caller(svc):
    case = await open_case(svc, external_id="KM-1")
    assert case["reference"].startswith("2026-")
    assert case["assigned_worker"] == CASE_WORKER.sub
    assert case["status"] == "open"
    assert case["person"] is None
    second = await open_case(svc, external_id="KM-2")
    assert int(second["reference"][5:]) == int(case["reference"][5:]) + 1
    async with svc.session() as s:
        events = (
            await s.exec(select(outbox_event).where(outbox_event.c.entity_id == case["id"]))
        ).all()
    assert [e.type for e in events] == ["case.opened"]
    assert events[0].audience == [CASE_WORKER.org]
    assert "GP-Falke" not in str(events[0].payload)


async def test_external_id_is_unique_per_organization(svc):
    await open_case(svc, external_id="KM-7")
    r = await svc.client.post(
        "/cases/v1/cases",
        json={"pseudonym": "X", "municipality_ags": "08117019", "external_id": "KM-7"},
        headers=CASE_WORKER.headers(svc.tokens),
    )
    assert r.status_code == 409
    assert r.json()["type"].endswith("/external-id-taken")


async def test_create_is_idempotent_with_a_key(svc):
    body = {"pseudonym": "GP-Eule", "municipality_ags": "08117019"}
    headers = CASE_WORKER.headers(svc.tokens, **{"Idempotency-Key": "k-1"})
    first = await svc.client.post("/cases/v1/cases", json=body, headers=headers)
    again = await svc.client.post("/cases/v1/cases", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    other = await svc.client.post(
        "/cases/v1/cases", json={**body, "pseudonym": "GP-Uhu"}, headers=headers
    )
    assert other.status_code == 422
    listed = await svc.client.get("/cases/v1/cases", headers=CASE_WORKER.headers(svc.tokens))
    assert [c["pseudonym"] for c in listed.json()["items"]].count("GP-Eule") == 1


async def test_read_case_logs_access_before_answering(svc):
    case = await with_person(svc)
    r = await svc.client.get(
        f"/cases/v1/cases/{case['id']}", headers=CASE_WORKER.headers(svc.tokens)
    )
    assert r.status_code == 200
    body = r.json()
    assert body["person"]["name"] == PERSON["name"]
    assert body["consent"]["active"] is True
    assert r.headers["etag"] == f'"{body["version"]}"'
    async with svc.session() as s:
        logged = (await s.exec(select(access_log).where(access_log.c.case_id == body["id"]))).all()
    assert any(e.actor == CASE_WORKER.sub and e.action == "case" and e.request_id for e in logged)


async def test_changes_need_a_fresh_etag(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}"
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.patch(url, json={"pseudonym": "GP-Kranich"}, headers=headers)
    assert r.status_code == 428
    r = await svc.client.patch(
        url, json={"pseudonym": "GP-Kranich"}, headers={**headers, "If-Match": '"1"'}
    )
    assert r.status_code == 200
    assert r.headers["etag"] == '"2"'
    r = await svc.client.patch(
        url, json={"pseudonym": "GP-Storch"}, headers={**headers, "If-Match": '"1"'}
    )
    assert r.status_code == 412
    assert r.json()["current_etag"] == '"2"'


async def test_close_needs_a_reason_and_reopen_clears_it(svc):
    case = await open_case(svc)
    url = f"/cases/v1/cases/{case['id']}"
    headers = CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    r = await svc.client.patch(url, json={"status": "closed"}, headers=headers)
    assert r.status_code == 409
    assert r.json()["type"].endswith("/invalid-transition")
    r = await svc.client.patch(
        url,
        json={"status": "closed", "closing_reason": "moved", "closed_on": "2026-10-01"},
        headers=headers,
    )
    assert r.status_code == 200
    assert (r.json()["status"], r.json()["closing_reason"], r.json()["closed_on"]) == (
        "closed",
        "moved",
        "2026-10-01",
    )
    r = await svc.client.patch(url, json={"status": "open"}, headers=headers)
    assert (r.json()["status"], r.json()["closing_reason"], r.json()["closed_on"]) == (
        "open",
        None,
        None,
    )
    async with svc.session() as s:
        types = (
            (
                await s.exec(
                    select(outbox_event.c.type).where(outbox_event.c.entity_id == case["id"])
                )
            )
            .scalars()
            .all()
        )
        audit = (
            (
                await s.exec(
                    select(audit_entry.c.action).where(audit_entry.c.entity_id == case["id"])
                )
            )
            .scalars()
            .all()
        )
    assert types == ["case.opened", "case.closed", "case.reopened"]
    assert audit == types


async def test_list_filters_and_cursor(svc):
    a = await open_case(svc, municipality_ags="08117019")
    b = await open_case(svc, municipality_ags="08117017")
    c = await open_case(svc, OTHER_WORKER, municipality_ags="08117019")
    headers = CASE_WORKER.headers(svc.tokens)
    await svc.client.patch(
        f"/cases/v1/cases/{b['id']}",
        json={"status": "paused"},
        headers={**headers, "If-Match": "*"},
    )
    await svc.client.post(
        f"/cases/v1/cases/{c['id']}/plan/versions",
        json={"next_review_on": "2026-05-01", "goals": [{"field": "housing"}]},
        headers=headers,
    )

    async def ids(**params: str) -> list[str]:
        r = await svc.client.get("/cases/v1/cases", params=params, headers=headers)
        assert r.status_code == 200, r.text
        return [x["id"] for x in r.json()["items"]]

    assert await ids(municipality="08117017") == [b["id"]]
    assert await ids(status="paused") == [b["id"]]
    assert await ids(assigned_worker=OTHER_WORKER.sub) == [c["id"]]
    assert await ids(review_due_before="2026-06-01") == [c["id"]]
    assert await ids(field="housing") == [c["id"]]
    assert await ids(field="work") == []
    assert set(await ids(updated_since="2000-01-01T00:00:00Z")) >= {a["id"], b["id"], c["id"]}
    first = await svc.client.get("/cases/v1/cases", params={"limit": 2}, headers=headers)
    assert len(first.json()["items"]) == 2
    assert 'rel="next"' in first.headers["link"]
    rest = await svc.client.get(
        "/cases/v1/cases",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=headers,
    )
    seen = [x["id"] for x in first.json()["items"] + rest.json()["items"]]
    assert seen[-3:] == [a["id"], b["id"], c["id"]] or {a["id"], b["id"], c["id"]} <= set(seen)
    bad = await svc.client.get("/cases/v1/cases", params={"cursor": "garbage"}, headers=headers)
    assert bad.status_code == 400


async def test_bad_input_is_a_problem_not_a_500(svc):
    headers = CASE_WORKER.headers(svc.tokens)
    for body in (
        {"pseudonym": "x" * 500, "municipality_ags": "08117019"},
        {"pseudonym": "x", "municipality_ags": "99999999"},
        {"pseudonym": "x", "municipality_ags": "08117019", "opened_on": "2026-02-30"},
        {"pseudonym": "x", "municipality_ags": "08117019", "unknown": 1},
        {"pseudonym": "   ", "municipality_ags": "08117019"},
        {"pseudonym": "x", "municipality_ags": "08117019", "opened_on": 0},
    ):
        r = await svc.client.post("/cases/v1/cases", json=body, headers=headers)
        assert r.status_code == 422, body
        assert r.headers["content-type"] == "application/problem+json"
    r = await svc.client.get("/cases/v1/cases", params={"review_due_before": "0"}, headers=headers)
    assert r.status_code == 422
    r = await svc.client.get("/cases/v1/cases", params={"updated_since": "0.5"}, headers=headers)
    assert r.status_code == 422
    r = await svc.client.get(
        "/cases/v1/cases", params={"updated_since": "2026-02-30T00:00:00Z"}, headers=headers
    )
    assert r.status_code == 400
    r = await svc.client.get("/cases/v1/cases/not-a-uuid", headers=headers)
    assert r.status_code == 422
