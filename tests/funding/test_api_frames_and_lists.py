"""Planning-frame imports, finalization flags, list filters, pagination and the CSV export."""

from __future__ import annotations

import csv
import io

from tests.funding.flow import bring_to, create_draft
from tests.funding.personas import (
    DONZDORF,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    PLATFORM,
    RP_STUTTGART,
    STUTTGART,
)
from tests.support.tokens import TokenFactory


def _admin(tokens: TokenFactory) -> dict[str, str]:
    return {**PLATFORM.headers(tokens, "admin"), "Content-Type": "text/csv"}


async def test_import_reports_every_bad_row_and_imports_nothing(funding, programme, tokens):
    bad = (
        "ags,name,amount,status,reference_date\n"
        "08117033,Ebersbach,51000.00,final,2017-09-15\n"
        "8117,Kurz,zwölf,maybe,31.02.2017\n"
        "08117033,Doppelt,1.00,final,2017-09-15\n"
        "08117019,Göppingen,271248.00,preliminary,2017-03-31\n"
    )
    r = await funding.client.post(
        f"/funding/v1/programmes/{programme['id']}/planning-frames",
        content=bad.encode(),
        headers=_admin(tokens),
    )
    assert r.status_code == 422
    assert r.json()["type"].endswith("/import-refused")
    errors = r.json()["line_errors"]
    assert {(e["line"], e["field"], e["code"]) for e in errors} == {
        (3, "ags", "invalid"),
        (3, "amount", "invalid"),
        (3, "status", "invalid"),
        (3, "reference_date", "invalid"),
        (4, "ags", "duplicate"),
        (5, "status", "conflict"),
    }
    listed = await funding.client.get(
        f"/funding/v1/programmes/{programme['id']}/planning-frames",
        params={"ags_prefix": "08117033"},
        headers=GOEPPINGEN.headers(tokens),
    )
    assert listed.json()["items"] == []


async def test_wrong_header_or_non_admin_is_refused(funding, programme, tokens):
    url = f"/funding/v1/programmes/{programme['id']}/planning-frames"
    r = await funding.client.post(url, content=b"a;b\n1;2\n", headers=_admin(tokens))
    assert r.status_code == 400
    assert r.json()["type"].endswith("/unreadable-import-file")
    assert r.json()["expected_columns"][0] == "ags"
    r = await funding.client.post(
        url,
        content=b"ags,name,amount,status,reference_date\n",
        headers={**GOEPPINGEN.headers(tokens, "applicant"), "Content-Type": "text/csv"},
    )
    assert r.status_code == 403


async def test_final_frames_flag_applications_for_review(funding, programme, tokens):
    app = await create_draft(
        funding, programme, org=DONZDORF
    )  # Donzdorf's frame is preliminary (60,000)
    assert app["frame_status"] == "preliminary"
    final = "ags;name;amount;status;reference_date\n08117014;Donzdorf;55200.00;final;2017-09-15\n"
    r = await funding.client.post(
        f"/funding/v1/programmes/{programme['id']}/planning-frames",
        content=final.encode(),
        headers=_admin(tokens),
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "mode": "all-or-nothing",
        "summary": {"created": 0, "updated": 1, "unchanged": 0, "failed": 0},
        "line_errors": [],
        "line_errors_truncated": False,
        "finalized": 1,
        "flagged_applications": [app["id"]],
    }
    flagged = await funding.client.get(
        "/funding/v1/applications",
        params={"needs_review": "true"},
        headers=DONZDORF.headers(tokens, "applicant"),
    )
    assert [a["id"] for a in flagged.json()["items"]] == [app["id"]]
    assert "final planning frame" in flagged.json()["items"][0]["review_reason"]
    events = await funding.client.get(
        "/funding/v1/events",
        params={"type": "frame.finalized"},
        headers=DONZDORF.headers(tokens, "applicant"),
    )
    assert events.json()["items"][0]["payload"]["amount"] == "55200.00"
    flag_events = await funding.client.get(
        "/funding/v1/events",
        params={"type": "application.flagged_for_review"},
        headers=DONZDORF.headers(tokens, "applicant"),
    )
    assert [e["entity_id"] for e in flag_events.json()["items"]] == [app["id"]]

    # the applicant revises against the final frame; the flag clears
    body = {
        "delivery_model": "own_staff",
        "positions": [
            {
                "manager_name": "Aylin Demir",
                "qualification": "mid_level",
                "fte": "1.00",
                "start_on": "2017-07-01",
                "months": 24,
            }
        ],
    }
    headers = {
        **DONZDORF.headers(tokens, "applicant"),
        "If-Match": f'"{flagged.json()["items"][0]["version"]}"',
    }
    revised = await funding.client.put(
        f"/funding/v1/applications/{app['id']}", json=body, headers=headers
    )
    assert revised.status_code == 200, revised.text
    assert (revised.json()["frame_amount"], revised.json()["frame_status"]) == ("55200.00", "final")
    assert revised.json()["needs_review"] is False


async def test_lists_filter_paginate_and_export(funding, programme, tokens):
    a = await create_draft(funding, programme)
    b = await create_draft(funding, programme)
    c = await create_draft(funding, programme, org=STUTTGART)
    await bring_to(funding, a["id"], "forwarded")
    await bring_to(funding, b["id"], "approved")
    await funding.client.post(
        f"/funding/v1/applications/{c['id']}/transitions",
        json={"action": "submit"},
        headers={**STUTTGART.headers(tokens, "applicant"), "If-Match": '"1"'},
    )
    council = RP_STUTTGART.headers(tokens, "approver")
    first = await funding.client.get(
        "/funding/v1/applications", params={"limit": 2}, headers=council
    )
    page1 = first.json()
    assert len(page1["items"]) == 2
    assert page1["next_cursor"]
    assert 'rel="next"' in first.headers["link"]
    page2 = (
        await funding.client.get(
            "/funding/v1/applications",
            params={"limit": 2, "cursor": page1["next_cursor"]},
            headers=council,
        )
    ).json()
    ids = [x["id"] for x in page1["items"] + page2["items"]]
    assert set(ids) >= {a["id"], b["id"], c["id"]}
    assert len(ids) == len(set(ids))

    forwarded = (
        await funding.client.get(
            "/funding/v1/applications",
            params={"state": "forwarded", "district": "08117"},
            headers=council,
        )
    ).json()
    assert [x["id"] for x in forwarded["items"]] == [a["id"]]
    by_amount = (
        await funding.client.get(
            "/funding/v1/applications",
            params={
                "amount_min": "51000.00",
                "amount_max": "51000.00",
                "state": ["forwarded", "approved"],
            },
            headers=council,
        )
    ).json()
    assert {x["id"] for x in by_amount["items"]} == {a["id"], b["id"], c["id"]}
    # the district sees only its own district's submitted applications
    district = (
        await funding.client.get(
            "/funding/v1/applications", headers=LRA_GOEPPINGEN.headers(tokens, "district_reviewer")
        )
    ).json()
    assert {x["id"] for x in district["items"]} == {a["id"], b["id"]}

    export = await funding.client.get(
        "/funding/v1/applications.csv", params={"state": "approved"}, headers=council
    )
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [(r["id"], r["granted_amount"], r["district_ags"]) for r in rows] == [
        (b["id"], "51000.00", "08117")
    ]
    bad = await funding.client.get(
        "/funding/v1/applications", params={"amount_min": "12"}, headers=council
    )
    assert bad.status_code == 422


async def test_applicant_edits_a_returned_application(funding, programme, tokens):
    app = await create_draft(funding, programme)
    version = await bring_to(funding, app["id"], "returned_to_applicant")
    positions = [
        {
            "manager_name": "Aylin Demir",
            "qualification": "university",
            "fte": "0.75",
            "start_on": "2017-08-01",
            "months": 23,
        }
    ]
    body = {"delivery_model": "own_staff", "positions": positions}  # providers: test_roles.py
    url = f"/funding/v1/applications/{app['id']}"
    r = await funding.client.put(
        url,
        json=body,
        headers={**GOEPPINGEN.headers(tokens, "applicant"), "If-Match": f'"{version}"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["requested_amount"] == "43125.00"  # 60000 × 0.75 × 23 / 24
    assert r.json()["delivery_model"] == "own_staff"
    forwarded = await create_draft(funding, programme)
    v = await bring_to(funding, forwarded["id"], "forwarded")
    r = await funding.client.put(
        f"/funding/v1/applications/{forwarded['id']}",
        json=body,
        headers={**GOEPPINGEN.headers(tokens, "applicant"), "If-Match": f'"{v}"'},
    )
    assert r.status_code == 409
