"""Opening, reading, changing and closing cases."""

from __future__ import annotations

from tests.cases.conftest import CASE_WORKER, CONSENT, PERSON, open_case, with_person


async def test_open_case_assigns_reference_and_caller(svc):
    case = await open_case(svc, external_id="KM-1")
    assert case["reference"].startswith("2026-")
    assert case["assigned_worker"] == CASE_WORKER.sub
    assert case["status"] == "open"
    assert case["person"] is None
    second = await open_case(svc, external_id="KM-2")
    assert int(second["reference"][5:]) == int(case["reference"][5:]) + 1


async def test_read_case_with_person_after_consent(svc):
    case = await with_person(svc)
    r = await svc.client.get(
        f"/cases/v1/cases/{case['id']}", headers=CASE_WORKER.headers(svc.tokens)
    )
    assert r.status_code == 200
    body = r.json()
    assert body["person"]["name"] == PERSON["name"]
    assert body["consent"]["active"] is True
    assert r.headers["etag"] == f'"{body["version"]}"'
    assert CONSENT["means"] == body["consent"]["means"]
