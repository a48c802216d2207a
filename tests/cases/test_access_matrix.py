"""Who reaches a case: only case workers of the owning organization (404 for everyone else).

Each test runs one role against every kind of organization (owner, another municipality of the
same district, the district office, the ministry): the full matrix of roles x organizations.
"""

from __future__ import annotations

import pytest

from tests.cases.conftest import (
    EISLINGEN,
    EISLINGEN_PATH,
    GOEPPINGEN,
    GOEPPINGEN_PATH,
    LRA_GOEPPINGEN,
    MINISTRY,
    Caller,
    with_person,
)

ROLES = [
    "case_worker",
    "privacy_officer",
    "analyst",
    "applicant",
    "org_admin",
    "admin",
    "district_reviewer",
    "approver",
]
ORGS = {
    "owner": (GOEPPINGEN, GOEPPINGEN_PATH, "municipality"),
    "other_municipality": (EISLINGEN, EISLINGEN_PATH, "municipality"),
    "district": (LRA_GOEPPINGEN, ("08", "081", "08117"), "rural_district"),
    "ministry": (MINISTRY, ("08",), "ministry"),
}
CASE_PATHS = ("", "/plan/versions", "/consultations", "/referrals", "/volunteer-assignments")
CONSULTATION = {
    "held_on": "2026-03-09",
    "duration_minutes": 30,
    "mode": "phone",
    "fields": ["work"],
}


def _caller(role: str, org: str) -> Caller:
    org_id, path, kind = ORGS[org]
    return Caller(org_id, path, (role,), kind=kind, sub=f"{role}-{org}")


@pytest.fixture
async def case(svc):
    return await with_person(svc)


@pytest.mark.parametrize("role", ROLES)
async def test_case_and_everything_under_it(svc, case, role):
    base = f"/cases/v1/cases/{case['id']}"
    for org in ORGS:
        headers = _caller(role, org).headers(svc.tokens)
        allowed = role == "case_worker" and org == "owner"
        for path in CASE_PATHS:
            r = await svc.client.get(base + path, headers=headers)
            assert r.status_code == (200 if allowed else 404), (org, path, r.text)
            if not allowed:
                assert r.json()["type"].endswith("/case-not-found")
                assert "Amina" not in r.text
        r = await svc.client.patch(
            base, json={"status": "paused"}, headers={**headers, "If-Match": "*"}
        )
        assert r.status_code == (200 if allowed else 404), org
        r = await svc.client.post(base + "/consultations", json=CONSULTATION, headers=headers)
        assert r.status_code == (201 if allowed else 404), org


@pytest.mark.parametrize("role", ROLES)
async def test_case_list_shows_only_own_organization(svc, case, role):
    for org in ORGS:
        r = await svc.client.get("/cases/v1/cases", headers=_caller(role, org).headers(svc.tokens))
        if role not in ("case_worker", "privacy_officer"):
            assert r.status_code == 403, org
            continue
        ids = [c["id"] for c in r.json()["items"]]
        assert (case["id"] in ids) == (org == "owner"), org
        assert all("person" not in c for c in r.json()["items"])


@pytest.mark.parametrize("role", ROLES)
async def test_data_protection_only_for_owning_privacy_officer(svc, case, role):
    base = f"/cases/v1/cases/{case['id']}"
    for org in ORGS:
        headers = _caller(role, org).headers(svc.tokens)
        allowed = role == "privacy_officer" and org == "owner"
        for path in ("/access-log", "/data-export"):
            r = await svc.client.get(base + path, headers=headers)
            assert r.status_code == (200 if allowed else 404), (org, path)
        if not allowed:
            r = await svc.client.post(base + "/erasure", headers=headers)
            assert r.status_code == 404, org


async def test_no_token_and_no_role_get_nothing(svc, case):
    r = await svc.client.get(f"/cases/v1/cases/{case['id']}")
    assert r.status_code == 401
    no_role = Caller(GOEPPINGEN, GOEPPINGEN_PATH, ())
    r = await svc.client.get(f"/cases/v1/cases/{case['id']}", headers=no_role.headers(svc.tokens))
    assert r.status_code == 404
