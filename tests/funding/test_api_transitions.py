"""The route: every action in every state for every role, allowed or refused as DESIGN.md says."""

from __future__ import annotations

import pytest

from services.common.orgs import org_id_for_ags
from tests.funding.flow import ACTORS, BODIES, PATHS, act, bring_to, create_draft
from tests.funding.personas import (
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    LRA_REMS_MURR,
    RP_KARLSRUHE,
    RP_STUTTGART,
    STUTTGART,
)

# who may take which action (party role), independent of state
ROLE_FOR = {
    "submit": {"applicant"},
    "withdraw": {"applicant"},
    "forward": {"reviewer"},
    "return": {"reviewer", "approver"},
    "approve": {"approver"},
    "partially_approve": {"approver"},
    "reject": {"approver"},
}
# in which states the action is allowed, per actor
ALLOWED = {
    ("applicant", "submit"): {"draft", "returned_to_applicant"},
    ("applicant", "withdraw"): {
        "draft",
        "submitted",
        "forwarded",
        "returned_to_applicant",
        "returned_to_district",
    },
    ("reviewer", "forward"): {"submitted", "returned_to_district"},
    ("reviewer", "return"): {"submitted", "returned_to_district"},
    ("approver", "return"): {"forwarded"},
    ("approver", "approve"): {"forwarded"},
    ("approver", "partially_approve"): {"forwarded"},
    ("approver", "reject"): {"forwarded"},
}
RESULT = {
    ("applicant", "submit"): ("submitted", "district"),
    ("applicant", "withdraw"): ("withdrawn", "closed"),
    ("reviewer", "forward"): ("forwarded", "council"),
    ("reviewer", "return"): ("returned", "applicant"),
    ("approver", "return"): ("returned", "district"),
    ("approver", "approve"): ("approved", "closed"),
    ("approver", "partially_approve"): ("partially_approved", "closed"),
    ("approver", "reject"): ("rejected", "closed"),
}
# extra callers: on the route with the wrong role, and off the route
STRANGERS = {
    "case_worker_same_org": (GOEPPINGEN, "case_worker"),
    "applicant_at_district": (LRA_GOEPPINGEN, "applicant"),
    "other_district_reviewer": (LRA_REMS_MURR, "district_reviewer"),
    "other_council_approver": (RP_KARLSRUHE, "approver"),
}


def expected(state: str, caller: str, action: str) -> int:
    if caller in ("other_district_reviewer", "other_council_approver", "applicant_at_district"):
        return 404  # off the route, or on it without the party's role (policy: not a reader)
    if caller in ("reviewer", "approver", "applicant_at_district") and state == "draft":
        return 404  # drafts are the applicant's own
    if caller not in ROLE_FOR[action]:
        return 403
    return 201 if state in ALLOWED.get((caller, action), set()) else 409


@pytest.mark.parametrize("state", list(PATHS))
async def test_every_action_for_every_role_in_state(funding, programme, tokens, state):
    """Each caller tries each action from `state`; every attempt is rolled back afterwards."""
    app = await create_draft(funding, programme)
    version = await bring_to(funding, app["id"], state)
    url = f"/funding/v1/applications/{app['id']}/transitions"
    conn = funding.app.state.sessionmaker.kw["bind"]
    outcomes, wanted = {}, {}
    for caller, (org, role) in {**ACTORS, **STRANGERS}.items():
        headers = {**org.headers(tokens, role), "If-Match": f'"{version}"'}
        for action, body in BODIES.items():
            wanted[caller, action] = expected(state, caller, action)
            savepoint = await conn.begin_nested()  # each attempt starts from the same state
            try:
                r = await funding.client.post(url, json=body, headers=headers)
            finally:
                await savepoint.rollback()
            outcomes[caller, action] = r.status_code
            if r.status_code == 201:
                assert r.json()["to_state"] == RESULT[caller, action][0]
                assert r.json()["actor_org"] == org.id
                assert r.headers["etag"] == f'"{version + 1}"'
            else:
                assert r.headers["content-type"] == "application/problem+json"
    assert outcomes == wanted


async def test_if_match_is_required_and_must_be_current(funding, programme, tokens):
    app = await create_draft(funding, programme)
    url = f"/funding/v1/applications/{app['id']}/transitions"
    headers = GOEPPINGEN.headers(tokens, "applicant")
    missing = await funding.client.post(url, json={"action": "submit"}, headers=headers)
    assert missing.status_code == 428
    stale = await funding.client.post(
        url, json={"action": "submit"}, headers={**headers, "If-Match": '"7"'}
    )
    assert stale.status_code == 412
    ok = await funding.client.post(
        url, json={"action": "submit"}, headers={**headers, "If-Match": '"1"'}
    )
    assert ok.status_code == 201
    assert ok.headers["etag"] == '"2"'


async def test_stadtkreis_goes_straight_to_the_council(funding, programme, tokens):
    app = await create_draft(funding, programme, org=STUTTGART)
    headers = STUTTGART.headers(tokens, "applicant")
    r = await funding.client.post(
        f"/funding/v1/applications/{app['id']}/transitions",
        json={"action": "submit"},
        headers={**headers, "If-Match": '"1"'},
    )
    assert r.json()["to_state"] == "forwarded"
    # the council returns it straight to the city
    approver = RP_STUTTGART.headers(tokens, "approver")
    r = await funding.client.post(
        f"/funding/v1/applications/{app['id']}/transitions",
        json={"action": "return", "comment": "Bitte Träger angeben"},
        headers={**approver, "If-Match": '"2"'},
    )
    assert r.status_code == 201
    current = (
        await funding.client.get(f"/funding/v1/applications/{app['id']}", headers=headers)
    ).json()
    assert (current["state"], current["step"]) == ("returned", "applicant")
    assert current["district_org_id"] is None
    assert current["council_org_id"] == org_id_for_ags("081")


async def test_history_records_every_step_for_everyone_on_the_route(funding, programme, tokens):
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "partially_approved")
    for org, role in ACTORS.values():
        r = await funding.client.get(
            f"/funding/v1/applications/{app['id']}/transitions", headers=org.headers(tokens, role)
        )
        assert r.status_code == 200
        history = r.json()["items"]
        assert r.json()["next_cursor"] is None
        assert [t["action"] for t in history] == ["submit", "forward", "partially_approve"]
    decision = history[-1]
    assert decision["granted_amount"] == "25500.00"
    assert decision["notice_number"].startswith("ZB-081-")
    assert decision["actor_org"] == RP_STUTTGART.id
    assert history[1]["comment"] == "Befürwortet"
    stranger = await funding.client.get(
        f"/funding/v1/applications/{app['id']}/transitions",
        headers=RP_KARLSRUHE.headers(tokens, "approver"),
    )
    assert stranger.status_code == 404


async def test_return_needs_a_reason_and_partial_approval_a_smaller_amount(
    funding, programme, tokens
):
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "forwarded")
    no_reason = await act(funding, app["id"], "approver", "return", comment=None)
    assert no_reason.status_code == 422
    too_much = await act(
        funding, app["id"], "approver", "partially_approve", granted_amount="51000.00"
    )
    assert too_much.status_code == 422
    assert too_much.json()["type"].endswith("/funding/invalid-decision")


async def test_approval_is_booked_and_refused_beyond_the_budget(funding, tokens):
    from tests.funding.conftest import setup_programme

    tight = await setup_programme(funding, name="Tight", total_budget="60000.00")
    first = await create_draft(funding, tight)
    second = await create_draft(funding, tight, org=STUTTGART)
    await bring_to(funding, first["id"], "approved")
    programme = (
        await funding.client.get(
            f"/funding/v1/programmes/{tight['id']}", headers=GOEPPINGEN.headers(tokens)
        )
    ).json()
    assert programme["booked_amount"] == "51000.00"
    assert programme["available_amount"] == "9000.00"
    org, role = STUTTGART, "applicant"
    await funding.client.post(
        f"/funding/v1/applications/{second['id']}/transitions",
        json={"action": "submit"},
        headers={**org.headers(tokens, role), "If-Match": '"1"'},
    )
    refused = await act(funding, second["id"], "approver", "approve")
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/funding/budget-exceeded")
    assert refused.json()["available_amount"] == "9000.00"
    partial = await act(
        funding, second["id"], "approver", "partially_approve", granted_amount="9000.00"
    )
    assert partial.status_code == 201


async def test_decision_notice_as_json_and_pdf(funding, programme, tokens):
    app = await create_draft(funding, programme, early_start=True, early_start_on="2017-07-01")
    url = f"/funding/v1/applications/{app['id']}/decision-notice"
    headers = GOEPPINGEN.headers(tokens, "applicant")
    before = await funding.client.get(url, headers=headers)
    assert before.status_code == 409
    assert (await funding.client.get(url + ".pdf", headers=headers)).status_code == 409
    await bring_to(funding, app["id"], "partially_approved")
    notice = (await funding.client.get(url, headers=headers)).json()
    assert notice["authority"] == "Regierungspräsidium Stuttgart"
    assert (notice["decision"], notice["requested_amount"], notice["granted_amount"]) == (
        "partially_approved",
        "51000.00",
        "25500.00",
    )
    assert notice["proof_of_use_due_on"] == "2019-09-30"
    assert notice["positions"][0]["manager_name"] == "Aylin Demir"
    pdf = await funding.client.get(url + ".pdf", headers=RP_STUTTGART.headers(tokens, "approver"))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert notice["notice_number"].encode() in pdf.content  # the document title
    # clients of version 1 asked the JSON path for a PDF by Accept: it still answers the same
    by_accept = await funding.client.get(
        url, headers={**RP_STUTTGART.headers(tokens, "approver"), "Accept": "application/pdf"}
    )
    assert by_accept.headers["content-type"] == "application/pdf"
    assert by_accept.content.startswith(b"%PDF")
