"""The planning frame as a ceiling across applications (issue 11, finding 2)."""

from __future__ import annotations

from decimal import Decimal

from services.funding.applications.ceiling import apportion
from tests.funding.ceiling_flow import act, answer, draft, form, usage
from tests.funding.personas import (
    BAD_BOLL,
    ESLINGEN,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    LRA_REMS_MURR,
    RP_KARLSRUHE,
    RP_STUTTGART,
    SCHORNDORF,
)

G = "08117019"  # Göppingen, frame 271,248.00


async def _forward(funding, app_id: str) -> None:
    assert (await act(funding, app_id, GOEPPINGEN, "applicant", "submit")).status_code == 201
    r = await act(funding, app_id, LRA_GOEPPINGEN, "district_reviewer", "forward")
    assert r.status_code == 201, r.text


async def test_two_applications_cannot_both_hold_one_frame(funding, programme, tokens):
    """The reported sequence: two 255,000.00 applications on a 271,248.00 frame."""
    first = (await draft(funding, programme, GOEPPINGEN, 5)).json()
    second = (await draft(funding, programme, GOEPPINGEN, 5)).json()
    assert first["requested_amount"] == second["requested_amount"] == "255000.00"
    await _forward(funding, first["id"])
    refused = await act(funding, second["id"], GOEPPINGEN, "applicant", "submit")
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"].endswith("/funding/frame-ceiling-exceeded")
    assert (problem["ags"], problem["frame_amount"]) == (G, "271248.00")
    assert (problem["held_amount"], problem["remaining_amount"]) == ("255000.00", "16248.00")
    assert problem["share_amount"] == "255000.00"
    # nothing changed on refusal
    again = await funding.client.get(
        f"/funding/v1/applications/{second['id']}", headers=GOEPPINGEN.headers(tokens, "applicant")
    )
    assert again.json()["state"] == "draft"

    # a district application listing Göppingen as delegating draws on the same frame
    district = await draft(
        funding,
        programme,
        LRA_GOEPPINGEN,
        1,
        delivery_model="delegated_to_district",
        delegating_municipalities=[G],
    )
    assert district.status_code == 201, district.text
    r = await act(funding, district.json()["id"], LRA_GOEPPINGEN, "applicant", "submit")
    assert r.status_code == 409
    assert r.json()["remaining_amount"] == "16248.00"

    # the approval keeps the hold; the usage shows it
    approve = await act(funding, first["id"], RP_STUTTGART, "approver", "approve")
    assert approve.status_code == 201
    seen = (await usage(funding, programme, G, GOEPPINGEN, "applicant")).json()
    assert (seen["frame_amount"], seen["held_amount"], seen["remaining_amount"]) == (
        "271248.00",
        "255000.00",
        "16248.00",
    )
    assert seen["holds"] == [{"application_id": first["id"], "amount": "255000.00"}]


async def test_return_withdraw_and_reject_release_and_partial_approval_shrinks(
    funding, programme, tokens
):
    first = (await draft(funding, programme, GOEPPINGEN, 5)).json()
    second = (await draft(funding, programme, GOEPPINGEN, 5)).json()

    async def held() -> str:
        seen = (await usage(funding, programme, G, GOEPPINGEN, "applicant")).json()
        return str(seen["held_amount"])

    assert await held() == "0.00"  # drafts hold nothing
    await _forward(funding, first["id"])
    assert await held() == "255000.00"
    # returned by the council to the district: released; forwarding again holds again
    r = await act(funding, first["id"], RP_STUTTGART, "approver", "return", comment="Prüfen")
    assert r.status_code == 201
    assert await held() == "0.00"
    r = await act(funding, first["id"], LRA_GOEPPINGEN, "district_reviewer", "forward")
    assert r.status_code == 201
    assert await held() == "255000.00"
    r = await act(funding, first["id"], GOEPPINGEN, "applicant", "withdraw")
    assert r.status_code == 201
    assert await held() == "0.00"

    await _forward(funding, second["id"])
    r = await act(
        funding,
        second["id"],
        RP_STUTTGART,
        "approver",
        "partially_approve",
        granted_amount="200000.00",
    )
    assert r.status_code == 201
    assert await held() == "200000.00"
    third = (await draft(funding, programme, GOEPPINGEN, 1)).json()
    await _forward(funding, third["id"])  # 51,000 + 200,000 <= 271,248
    assert await held() == "251000.00"
    r = await act(funding, third["id"], RP_STUTTGART, "approver", "reject")
    assert r.status_code == 201
    assert await held() == "200000.00"


async def test_consortium_applications_hold_in_proportion_to_the_frames(funding, programme, tokens):
    c = (await form(funding, programme, BAD_BOLL, ["08117049", "08119067"], "Fils-Rems")).json()
    for org in (ESLINGEN, SCHORNDORF):
        assert (await answer(funding, c["id"], org.path[-1], org, "acceptance")).status_code == 200
    app = (await draft(funding, programme, BAD_BOLL, 1, consortium_id=c["id"])).json()
    assert (await act(funding, app["id"], BAD_BOLL, "applicant", "submit")).status_code == 201
    shares = {
        ags: (await usage(funding, programme, ags, org, "applicant")).json()["held_amount"]
        for ags, org in (("08117007", BAD_BOLL), ("08117049", ESLINGEN), ("08119067", SCHORNDORF))
    }
    # 51,000 × 23,400 / 93,400, × 40,000 / 93,400, × 30,000 / 93,400, to the cent
    assert shares == {"08117007": "12777.30", "08117049": "21841.54", "08119067": "16381.16"}
    assert sum(Decimal(v) for v in shares.values()) == Decimal("51000.00")
    # a second application of the same size does not fit: Bad Boll has 10,622.70 left
    second = (await draft(funding, programme, BAD_BOLL, 1, consortium_id=c["id"])).json()
    r = await act(funding, second["id"], BAD_BOLL, "applicant", "submit")
    assert r.status_code == 409
    assert (r.json()["ags"], r.json()["remaining_amount"]) == ("08117007", "10622.70")


def test_apportion_is_exact_to_the_cent_and_proportional():
    weights = {"a": Decimal("1"), "b": Decimal("1"), "c": Decimal("1")}
    assert apportion(Decimal("1.00"), weights) == {
        "a": Decimal("0.34"),
        "b": Decimal("0.33"),
        "c": Decimal("0.33"),
    }
    assert apportion(Decimal("10.00"), {"x": Decimal("0")}) == {"x": Decimal("10.00")}


async def test_usage_is_for_the_municipality_its_reviewer_and_its_approver(funding, programme):
    allowed = [
        (GOEPPINGEN, "applicant"),
        (GOEPPINGEN, "org_admin"),
        (LRA_GOEPPINGEN, "district_reviewer"),
        (RP_STUTTGART, "approver"),
    ]
    for org, role in allowed:
        assert (await usage(funding, programme, G, org, role)).status_code == 200, (org, role)
    refused = [
        (BAD_BOLL, "applicant"),
        (GOEPPINGEN, "case_worker"),
        (LRA_REMS_MURR, "district_reviewer"),
        (RP_KARLSRUHE, "approver"),
    ]
    for org, role in refused:
        r = await usage(funding, programme, G, org, role)
        assert r.status_code == 403, (org, role)
        if role != "case_worker":  # the policy table refuses that role before the service
            assert r.json()["type"].endswith("/funding/frame-usage-not-visible")
    missing = await usage(funding, programme, "08117099", LRA_GOEPPINGEN, "district_reviewer")
    assert missing.status_code == 404


async def test_batch_decisions_shrink_and_release_holds(funding, programme, tokens):
    first = (await draft(funding, programme, GOEPPINGEN, 5)).json()
    await _forward(funding, first["id"])
    batch = await funding.client.post(
        "/funding/v1/decision-batches",
        json={
            "items": [
                {
                    "application_id": first["id"],
                    "decision": "partially_approve",
                    "granted_amount": "100000.00",
                }
            ]
        },
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert batch.json()["decided"] == 1, batch.text
    seen = (await usage(funding, programme, G, GOEPPINGEN, "applicant")).json()
    assert seen["held_amount"] == "100000.00"
    second = (await draft(funding, programme, GOEPPINGEN, 3)).json()
    await _forward(funding, second["id"])  # 100,000 + 153,000 fits
    batch = await funding.client.post(
        "/funding/v1/decision-batches",
        json={"items": [{"application_id": second["id"], "decision": "reject"}]},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert batch.json()["decided"] == 1
    seen = (await usage(funding, programme, G, GOEPPINGEN, "applicant")).json()
    assert (seen["held_amount"], seen["remaining_amount"]) == ("100000.00", "171248.00")
