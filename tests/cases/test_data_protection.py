"""Consent, access log, export (Art. 15), erasure (Art. 17), anonymization after retention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, text, update

from services.cases.models import client_case, consultation, person_data, plan_goal
from services.cases.privacy import service as privacy
from tests.cases.conftest import CASE_WORKER, CONSENT, PERSON, PRIVACY, open_case, with_person
from tests.support.apps import ServiceUnderTest

NOTE = "Frau Yusuf erzählte von ihrer Familie in Aleppo"


async def _fill(svc: ServiceUnderTest, case_id: str) -> None:
    headers = CASE_WORKER.headers(svc.tokens)
    base = f"/cases/v1/cases/{case_id}"
    await svc.client.post(
        base + "/plan/versions",
        json={
            "change_note": NOTE,
            "goals": [{"field": "language", "description": NOTE, "agreed_steps": NOTE}],
        },
        headers=headers,
    )
    for _ in range(2):
        await svc.client.post(
            base + "/consultations",
            json={
                "held_on": "2026-03-09",
                "duration_minutes": 60,
                "mode": "office",
                "fields": ["language"],
                "notes": NOTE,
            },
            headers=headers,
        )
    await svc.client.post(
        base + "/referrals",
        json={"agency": "school", "field": "education", "referred_on": "2026-03-10", "notes": NOTE},
        headers=headers,
    )


async def _key_figures(svc: ServiceUnderTest) -> Any:
    r = await svc.client.get(
        "/cases/v1/key-figures",
        params={"org": CASE_WORKER.org, "from": "2026-01-01", "to": "2026-12-31"},
        headers=CASE_WORKER.headers(svc.tokens),
    )
    return r.json()["by_case_worker"]


async def test_person_data_need_consent(svc):
    case = await open_case(svc)
    r = await svc.client.put(
        f"/cases/v1/cases/{case['id']}/person",
        json=PERSON,
        headers=CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"}),
    )
    assert r.status_code == 409
    assert r.json()["type"].endswith("/consent-required")
    assert "Amina" not in r.text


async def test_withdrawal_removes_personal_data_and_free_text_but_keeps_statistics(svc):
    case = await with_person(svc)
    await _fill(svc, case["id"])
    before = await _key_figures(svc)
    url = f"/cases/v1/cases/{case['id']}"
    r = await svc.client.delete(
        url + "/consent", headers=CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    )
    assert r.status_code == 200
    assert r.json()["person"] is None
    assert r.json()["consent"]["active"] is False
    r = await svc.client.get(url, headers=CASE_WORKER.headers(svc.tokens))
    assert r.json()["person"] is None
    assert r.json()["status"] == "open"
    for path in ("/plan", "/consultations", "/referrals"):
        r = await svc.client.get(url + path, headers=CASE_WORKER.headers(svc.tokens))
        assert r.status_code == 200
        assert NOTE not in r.text
    r = await svc.client.put(
        url + "/person", json=PERSON, headers=CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    )
    assert r.status_code == 409
    assert await _key_figures(svc) == before
    r = await svc.client.put(
        url + "/consent", json=CONSENT, headers=CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    )
    assert r.json()["consent"]["active"] is True


async def test_privacy_officer_sees_who_read_the_case(svc):
    case = await with_person(svc)
    url = f"/cases/v1/cases/{case['id']}"
    await svc.client.get(url, headers=CASE_WORKER.headers(svc.tokens))
    await svc.client.get(url + "/consultations", headers=CASE_WORKER.headers(svc.tokens))
    r = await svc.client.get(url + "/access-log", headers=PRIVACY.headers(svc.tokens))
    assert r.status_code == 200
    entries = r.json()["items"]
    assert [e["action"] for e in entries[:2]] == ["consultations", "case"]
    assert {e["actor"] for e in entries} == {CASE_WORKER.sub}
    assert all(e["request_id"] for e in entries)


async def test_export_is_one_document_with_everything_and_is_logged(svc):
    case = await with_person(svc)
    await _fill(svc, case["id"])
    url = f"/cases/v1/cases/{case['id']}"
    r = await svc.client.get(url + "/data-export", headers=PRIVACY.headers(svc.tokens))
    assert r.status_code == 200
    doc = r.json()
    assert doc["case"]["person"]["name"] == PERSON["name"]
    assert doc["case"]["consent"]["means"] == "written"
    assert doc["plan_versions"][0]["goals"][0]["description"] == NOTE
    assert len(doc["consultations"]) == 2
    assert doc["referrals"][0]["agency"] == "school"
    assert doc["access_log"][0]["action"] == "export"
    assert doc["access_log"][0]["actor"] == PRIVACY.sub


async def test_erasure_removes_everything_personal_and_keeps_counts(svc):
    case = await with_person(svc, external_id="KM-99")
    await _fill(svc, case["id"])
    before = await _key_figures(svc)
    url = f"/cases/v1/cases/{case['id']}"
    r = await svc.client.post(url + "/erasure", headers=PRIVACY.headers(svc.tokens))
    assert r.status_code == 200
    assert "person_data" in r.json()["removed"]
    again = await svc.client.post(url + "/erasure", headers=PRIVACY.headers(svc.tokens))
    assert again.status_code == 200
    r = await svc.client.get(url + "/data-export", headers=PRIVACY.headers(svc.tokens))
    doc = r.text
    assert NOTE not in doc
    assert "Amina" not in doc
    assert "GP-Falke" not in doc
    assert "KM-99" not in doc
    assert r.json()["case"]["erased"] is True
    assert await _key_figures(svc) == before
    r = await svc.client.put(
        url + "/consent", json=CONSENT, headers=CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    )
    assert r.status_code == 409


async def test_anonymize_closed_cases_after_retention(svc):
    old = await with_person(svc)
    recent = await with_person(svc)
    await _fill(svc, old["id"])
    headers = CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})
    for case, closed_on in ((old, "2026-03-31"), (recent, dt.date.today().isoformat())):  # noqa: DTZ011
        r = await svc.client.patch(
            f"/cases/v1/cases/{case['id']}",
            json={"status": "closed", "closing_reason": "independent", "closed_on": closed_on},
            headers=headers,
        )
        assert r.status_code == 200, r.text
    async with svc.session() as s:
        await s.exec(
            update(client_case)
            .where(client_case.c.id == old["id"])
            .values(closed_on=dt.date(2020, 1, 1))
        )
        done = await privacy.anonymize_closed(s, retention_days=365)
        assert [str(i) for i in done] == [old["id"]]
        persons = (await s.exec(select(person_data.c.case_id))).scalars().all()
        assert recent["id"] in [str(p) for p in persons]
        assert old["id"] not in [str(p) for p in persons]
        notes = (
            (await s.exec(select(consultation.c.notes).where(consultation.c.case_id == old["id"])))
            .scalars()
            .all()
        )
        assert notes == [None, None]
        goals = (
            (await s.exec(select(plan_goal.c.description).where(plan_goal.c.case_id == old["id"])))
            .scalars()
            .all()
        )
        assert goals == [None]
        assert await privacy.anonymize_closed(s, retention_days=365) == []
        audit = (
            (await s.exec(text("SELECT actor FROM audit_entry WHERE action = 'case.anonymized'")))
            .scalars()
            .all()
        )
        assert audit == ["cli:anonymize"]
        await s.commit()


async def test_no_personal_data_leave_without_their_access_log_entry(svc):
    case = await with_person(svc)
    async with svc.session() as s:
        await s.exec(
            text("ALTER TABLE access_log ADD CONSTRAINT refuse_all CHECK (false) NOT VALID")
        )
        await s.commit()
    r = await svc.client.get(
        f"/cases/v1/cases/{case['id']}", headers=CASE_WORKER.headers(svc.tokens)
    )
    assert r.status_code == 409, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert "Amina" not in r.text
