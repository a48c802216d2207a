"""Consortia by consent (issue 11, finding 1): an invitation counts for nothing until accepted."""

from __future__ import annotations

from sqlalchemy import select

from services.common.tables import audit_entry, outbox_event
from tests.funding.ceiling_flow import act, answer, draft, form
from tests.funding.personas import (
    BAD_BOLL,
    DONZDORF,
    ESLINGEN,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    STUTTGART,
)

GOEPPINGEN_AGS = "08117019"


async def test_a_consortium_without_consent_counts_nothing_and_blocks_nobody(
    funding, programme, tokens
):
    """The reported sequence: Stuttgart names Göppingen; Göppingen's frame does not count,
    Stuttgart cannot apply through it, Göppingen still applies alone or forms its own."""
    r = await form(funding, programme, STUTTGART, ["08111000", GOEPPINGEN_AGS], "Verbund")
    assert r.status_code == 201, r.text
    consortium = r.json()
    assert consortium["state"] == "forming"
    assert consortium["frame_amount"] == "2500000.00"  # Stuttgart's own only
    states = {m["ags"]: m["state"] for m in consortium["members"]}
    assert states == {"08111000": "accepted", GOEPPINGEN_AGS: "invited"}

    through = await draft(funding, programme, STUTTGART, 5, consortium_id=consortium["id"])
    assert through.status_code == 409
    assert through.json()["type"].endswith("/funding/consortium-not-active")

    alone = await draft(funding, programme, GOEPPINGEN, 5)
    assert alone.status_code == 201, alone.text
    own = await form(funding, programme, GOEPPINGEN, ["08117007"], "Voralb")
    assert own.status_code == 201, own.text

    # Göppingen sees the invitation and declines it: the consortium is dissolved
    listed = await funding.client.get(
        "/funding/v1/consortia", headers=GOEPPINGEN.headers(tokens, "applicant")
    )
    assert consortium["id"] in {c["id"] for c in listed.json()["items"]}
    declined = await answer(funding, consortium["id"], GOEPPINGEN_AGS, GOEPPINGEN, "decline")
    assert declined.status_code == 200, declined.text
    assert declined.json()["state"] == "dissolved"
    assert {m["ags"]: m["state"] for m in declined.json()["members"]} == {
        "08111000": "dissolved",
        GOEPPINGEN_AGS: "declined",
    }
    assert declined.json()["frame_amount"] == "0.00"

    async with funding.session() as session:
        audits = (
            await session.exec(
                select(audit_entry.c.action).where(audit_entry.c.entity_id == consortium["id"])
            )
        ).all()
        events = (
            await session.exec(
                select(outbox_event.c.type).where(outbox_event.c.entity_id == consortium["id"])
            )
        ).all()
    assert sorted(a for (a,) in audits) == ["consortium.created", "consortium.member_declined"]
    assert sorted(e for (e,) in events) == ["consortium.created", "consortium.member_declined"]


async def test_only_the_member_itself_answers_with_the_current_version(funding, programme, tokens):
    c = (await form(funding, programme, BAD_BOLL, ["08117049", "08117014"], "V")).json()
    url = f"/funding/v1/consortia/{c['id']}/members/08117049/acceptance"
    stranger = await funding.client.post(
        url, headers={**GOEPPINGEN.headers(tokens, "applicant"), "If-Match": '"1"'}
    )
    assert stranger.status_code == 404  # not invited: cannot even see it
    other_member = await funding.client.post(
        url, headers={**DONZDORF.headers(tokens, "applicant"), "If-Match": '"1"'}
    )
    assert other_member.status_code == 403  # Donzdorf cannot accept for Eislingen
    wrong_role = await funding.client.post(
        url, headers={**ESLINGEN.headers(tokens, "case_worker"), "If-Match": '"1"'}
    )
    assert wrong_role.status_code == 403
    eislingen = ESLINGEN.headers(tokens, "org_admin")
    assert (await funding.client.post(url, headers=eislingen)).status_code == 428
    stale = await funding.client.post(url, headers={**eislingen, "If-Match": '"9"'})
    assert stale.status_code == 412
    ok = await funding.client.post(url, headers={**eislingen, "If-Match": '"1"'})
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    assert ok.json()["state"] == "forming"  # Donzdorf has not answered
    assert ok.json()["frame_amount"] == "63400.00"  # 23400 + 40000
    twice = await answer(funding, c["id"], "08117049", ESLINGEN, "acceptance")
    assert twice.status_code == 409
    last = await answer(funding, c["id"], "08117014", DONZDORF, "acceptance")
    assert last.json()["state"] == "active"
    assert last.json()["frame_amount"] == "123400.00"


async def test_members_leave_and_the_lead_dissolves_only_while_nothing_is_submitted(
    funding, programme, tokens
):
    c = (await form(funding, programme, BAD_BOLL, ["08117049", "08117014"], "V")).json()
    for org in (ESLINGEN, DONZDORF):
        assert (await answer(funding, c["id"], org.path[-1], org, "acceptance")).status_code == 200
    # accepted members cannot apply alone
    alone = await draft(funding, programme, DONZDORF, 1)
    assert alone.status_code == 409
    assert alone.json()["type"].endswith("/funding/consortium-conflict")
    app = (await draft(funding, programme, BAD_BOLL, 2, consortium_id=c["id"])).json()
    assert (await act(funding, app["id"], BAD_BOLL, "applicant", "submit")).status_code == 201
    locked = await answer(funding, c["id"], "08117014", DONZDORF, "leave")
    assert locked.status_code == 409
    assert locked.json()["type"].endswith("/funding/consortium-locked")
    headers = BAD_BOLL.headers(tokens, "applicant")
    etag = (await funding.client.get(f"/funding/v1/consortia/{c['id']}", headers=headers)).headers[
        "etag"
    ]
    dissolve_url = f"/funding/v1/consortia/{c['id']}/dissolution"
    refused = await funding.client.post(dissolve_url, headers={**headers, "If-Match": etag})
    assert refused.status_code == 409

    # the district returns it: it holds nothing, so Donzdorf may leave
    assert (
        await act(funding, app["id"], LRA_GOEPPINGEN, "district_reviewer", "return")
    ).status_code == 201
    left = await answer(funding, c["id"], "08117014", DONZDORF, "leave")
    assert left.status_code == 200, left.text
    assert left.json()["state"] == "active"  # Bad Boll and Eislingen remain, both accepted
    assert (await draft(funding, programme, DONZDORF, 1)).status_code == 201
    # the returned application was drafted with Donzdorf: it cannot be resubmitted as it is
    resubmit = await act(funding, app["id"], BAD_BOLL, "applicant", "submit")
    assert resubmit.status_code == 409
    assert resubmit.json()["type"].endswith("/funding/consortium-not-active")

    not_lead = await funding.client.post(
        dissolve_url,
        headers={**ESLINGEN.headers(tokens, "applicant"), "If-Match": left.headers["etag"]},
    )
    assert not_lead.status_code == 403
    gone = await funding.client.post(
        dissolve_url, headers={**headers, "If-Match": left.headers["etag"]}
    )
    assert gone.status_code == 200, gone.text
    assert gone.json()["state"] == "dissolved"
    # Eislingen is free to accept another consortium
    other = (await form(funding, programme, GOEPPINGEN, ["08117049"], "W")).json()
    assert (
        await answer(funding, other["id"], "08117049", ESLINGEN, "acceptance")
    ).status_code == 200
