"""Drafting applications: amounts, frames, the minimum-frame rule, consortia, routing."""

from __future__ import annotations

from typing import Any

from services.common.orgs import org_id_for_ags
from tests.funding.personas import (
    BAD_BOLL,
    ESLINGEN,
    FREIBURG,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    SCHORNDORF,
    STUTTGART,
)


def draft(programme: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    body = {
        "programme_id": programme["id"],
        "delivery_model": "own_staff",
        "positions": [
            {
                "manager_name": "Aylin Demir",
                "qualification": "mid_level",
                "fte": "1.00",
                "start_on": "2017-07-01",
                "months": 24,
            },
            {
                "manager_name": "Jonas Keller",
                "qualification": "university",
                "fte": "0.50",
                "start_on": "2017-10-01",
                "months": 21,
            },
        ],
    }
    body.update(overrides)
    return body


async def test_amounts_are_computed_per_position_in_cents(funding, programme, tokens):
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme),
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 201, r.text
    app = r.json()
    # 51000 × 1 × 24/24 and 60000 × 0.5 × 21/24 = 26250
    assert [p["amount"] for p in app["positions"]] == ["51000.00", "26250.00"]
    assert app["requested_amount"] == "77250.00"
    assert app["state"] == "draft"
    assert app["frame_amount"] == "271248.00"
    assert app["district_ags"] == "08117"
    assert app["district_org_id"] == org_id_for_ags("08117")
    assert app["council_org_id"] == org_id_for_ags("081")
    assert r.headers["etag"] == '"1"'


async def test_amount_rounds_half_up(funding, programme, tokens):
    # 51000 × 0.33 × 7 / 24 = 4908.75 exactly; 51000 × 0.35 × 5 / 24 = 3718.75; 0.27 × 11: 6311.25
    positions = [
        {
            "manager_name": "A",
            "qualification": "mid_level",
            "fte": "0.33",
            "start_on": "2017-07-01",
            "months": 7,
        },
        {
            "manager_name": "B",
            "qualification": "university",
            "fte": "0.29",
            "start_on": "2017-07-01",
            "months": 13,
        },
    ]
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=positions),
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 201, r.text
    # 60000 × 0.29 × 13 / 24 = 9425.00; first = 4908.75
    assert [p["amount"] for p in r.json()["positions"]] == ["4908.75", "9425.00"]


async def test_position_amount_rounds_half_up_on_a_half_cent(funding, tokens):
    # a 16-month programme: 51000 × 0.25 × 3 / 16 = 2390.625 → 2390.63 (half even: .62)
    from tests.funding.conftest import setup_programme

    short = await setup_programme(funding, name="Short", period_months=16)
    positions = [
        {
            "manager_name": "A",
            "qualification": "mid_level",
            "fte": "0.25",
            "start_on": "2017-07-01",
            "months": 3,
        }
    ]
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(short, positions=positions),
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["positions"][0]["amount"] == "2390.63"


async def test_requested_amount_may_not_exceed_the_frame(funding, programme, tokens):
    positions = [
        {
            "manager_name": f"M{i}",
            "qualification": "university",
            "fte": "1.00",
            "start_on": "2017-07-01",
            "months": 24,
        }
        for i in range(5)
    ]
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=positions),
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 422
    assert r.json()["type"].endswith("/funding/frame-exceeded")
    assert r.json()["requested_amount"] == "300000.00"


async def test_small_municipality_is_refused_alone_and_told_why(funding, programme, tokens):
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=draft(programme)["positions"][:1]),
        headers=BAD_BOLL.headers(tokens, "applicant"),
    )
    assert r.status_code == 422
    problem = r.json()
    assert problem["type"].endswith("/funding/frame-below-minimum")
    assert problem["frame_amount"] == "23400.00"
    assert problem["minimum_frame"] == "51000.00"
    assert "consortium" in problem["detail"]


async def test_small_municipality_succeeds_in_a_consortium_spanning_districts(
    funding, programme, tokens
):
    lead = BAD_BOLL.headers(tokens, "applicant")
    r = await funding.client.post(
        "/funding/v1/consortia",
        json={
            "programme_id": programme["id"],
            "name": "Verbund Fils-Rems",
            "member_ags": ["08117049", "08119067"],
        },
        headers=lead,
    )
    assert r.status_code == 201, r.text
    consortium = r.json()
    assert consortium["state"] == "forming"
    assert consortium["frame_amount"] == "23400.00"  # only the lead has accepted so far
    assert {m["ags"] for m in consortium["members"]} == {"08117007", "08117049", "08119067"}
    # it counts once every member consented (issue 11, finding 1)
    for member in (ESLINGEN, SCHORNDORF):
        r = await funding.client.post(
            f"/funding/v1/consortia/{consortium['id']}/members/{member.path[-1]}/acceptance",
            headers={**member.headers(tokens, "applicant"), "If-Match": r.headers["etag"]},
        )
        assert r.status_code == 200, r.text
    consortium = r.json()
    assert consortium["state"] == "active"
    assert consortium["frame_amount"] == "93400.00"  # 23400 + 40000 + 30000

    one = [
        {
            "manager_name": "Aylin Demir",
            "qualification": "mid_level",
            "fte": "1.00",
            "start_on": "2017-07-01",
            "months": 24,
        }
    ]
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=one, consortium_id=consortium["id"]),
        headers=lead,
    )
    assert r.status_code == 201, r.text
    app = r.json()
    assert app["applicant_kind"] == "consortium"
    assert app["frame_amount"] == "93400.00"
    assert app["district_ags"] == "08117"  # the lead's district reviews

    # a member cannot apply alone any more, and only the lead applies for the consortium
    alone = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=one),
        headers=SCHORNDORF.headers(tokens, "applicant"),
    )
    assert alone.status_code == 409
    not_lead = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme, positions=one, consortium_id=consortium["id"]),
        headers=ESLINGEN.headers(tokens, "applicant"),
    )
    assert not_lead.status_code == 403
    # members see the consortium's application
    seen = await funding.client.get(
        f"/funding/v1/applications/{app['id']}", headers=SCHORNDORF.headers(tokens, "applicant")
    )
    assert seen.status_code == 200


async def test_a_member_joins_one_consortium_per_programme(funding, programme, tokens):
    """An invitation blocks nothing; a municipality accepts one consortium per programme."""
    body = {"programme_id": programme["id"], "name": "V1", "member_ags": ["08117049"]}
    first = await funding.client.post(
        "/funding/v1/consortia", json=body, headers=BAD_BOLL.headers(tokens, "applicant")
    )
    assert first.status_code == 201
    second = await funding.client.post(
        "/funding/v1/consortia",
        json={**body, "name": "V2", "member_ags": ["08117049"]},
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert second.status_code == 201  # Eislingen is only invited to the first
    eislingen = ESLINGEN.headers(tokens, "applicant")
    accepted = await funding.client.post(
        f"/funding/v1/consortia/{first.json()['id']}/members/08117049/acceptance",
        headers={**eislingen, "If-Match": first.headers["etag"]},
    )
    assert accepted.status_code == 200, accepted.text
    again = await funding.client.post(
        f"/funding/v1/consortia/{second.json()['id']}/members/08117049/acceptance",
        headers={**eislingen, "If-Match": second.headers["etag"]},
    )
    assert again.status_code == 409
    assert again.json()["type"].endswith("/funding/consortium-conflict")


async def test_district_applies_for_delegating_municipalities_and_skips_its_own_step(
    funding, programme, tokens
):
    one = [
        {
            "manager_name": "Aylin Demir",
            "qualification": "mid_level",
            "fte": "1.00",
            "start_on": "2017-07-01",
            "months": 24,
        }
    ]
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(
            programme,
            positions=one,
            delivery_model="delegated_to_district",
            delegating_municipalities=["08117007", "08117049"],
        ),
        headers=LRA_GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 201, r.text
    app = r.json()
    assert app["applicant_kind"] == "district"
    assert app["frame_amount"] == "63400.00"
    assert app["district_org_id"] is None


async def test_stadtkreis_skips_the_district_step(funding, programme, tokens):
    for org in (STUTTGART, FREIBURG):
        r = await funding.client.post(
            "/funding/v1/applications",
            json=draft(programme),
            headers=org.headers(tokens, "applicant"),
        )
        assert r.status_code == 201, r.text
        assert r.json()["district_org_id"] is None
        assert r.json()["council_ags"] == "081"  # statewide programme: RP Stuttgart decides


async def test_regional_programme_routes_to_the_applicants_own_council(funding, tokens):
    from tests.funding.conftest import setup_programme

    regional = await setup_programme(
        funding, name="Regional", deciding_mode="regional", deciding_region=None
    )
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(regional),
        headers=FREIBURG.headers(tokens, "applicant"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["council_ags"] == "083"
    assert r.json()["council_org_id"] == org_id_for_ags("083")


async def test_only_applicants_draft(funding, programme, tokens):
    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme),
        headers=GOEPPINGEN.headers(tokens, "case_worker"),
    )
    assert r.status_code == 403


async def test_idempotent_create_replays(funding, programme, tokens):
    headers = {
        **GOEPPINGEN.headers(tokens, "applicant", sub="applicant.goeppingen"),
        "Idempotency-Key": "k-1",
    }
    first = await funding.client.post(
        "/funding/v1/applications", json=draft(programme), headers=headers
    )
    again = await funding.client.post(
        "/funding/v1/applications", json=draft(programme), headers=headers
    )
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"


async def test_a_charity_cannot_apply_in_its_municipalitys_name(funding, programme, tokens):
    from tests.funding.personas import CARITAS

    r = await funding.client.post(
        "/funding/v1/applications",
        json=draft(programme),
        headers=CARITAS.headers(tokens, "applicant"),
    )
    assert r.status_code == 422
    assert r.json()["type"].endswith("/funding/invalid-application")
