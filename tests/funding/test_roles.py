"""Issue 11 in the funding service, through HTTP: reads follow the role, not only the
organization (finding 5); charities are directory organizations that read the grants they work
under, and the proof of use carries their exact figures (findings 3 and 4)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.funding.app import create_app
from tests.funding.ceiling_flow import answer, form
from tests.funding.conftest import settings_for, setup_programme
from tests.funding.flow import ONE_POSITION, bring_to, create_draft
from tests.funding.personas import (
    CARITAS,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    PLATFORM,
    RP_STUTTGART,
    SCHORNDORF,
    Org,
)
from tests.funding.upstream import funding_on_upstreams
from tests.support.apps import ServiceUnderTest

NOT_READERS = ("analyst", "case_worker", "privacy_officer", "org_admin")
CARITAS_ID = org_id_for_slug("caritas-fils-neckar-alb")


async def _get(sut: ServiceUnderTest, url: str, org: Org, role: str, **kw: Any) -> httpx.Response:
    return await sut.client.get(url, headers=org.headers(sut.tokens, role), **kw)


async def test_roles_without_business_in_applications_read_none_of_them(funding, programme):
    """Finding 5: analyst, case worker, privacy officer and org admin of every organization on
    the route read no application, position, export, notice, batch result or overdue proof."""
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "approved")
    batch = await funding.client.post(
        "/funding/v1/decision-batches",
        json={"items": [{"application_id": app["id"], "decision": "approve"}]},
        headers=RP_STUTTGART.headers(funding.tokens, "approver"),
    )
    assert batch.status_code == 201, batch.text
    base = f"/funding/v1/applications/{app['id']}"
    hidden = [
        base,
        base + "/transitions",
        base + "/decision-notice",
        base + "/decision-notice.pdf",
        base + "/proof-of-use",
    ]
    hidden.append(f"/funding/v1/decision-batches/{batch.json()['id']}")
    refused = ["/funding/v1/applications", "/funding/v1/applications.csv"]
    refused.append("/funding/v1/overdue-proofs")
    for org in (GOEPPINGEN, LRA_GOEPPINGEN, RP_STUTTGART):
        for role in NOT_READERS:
            for url in hidden:
                r = await _get(funding, url, org, role)
                assert r.status_code == 404, (org.name, role, url, r.text)
                assert "Aylin" not in r.text
            for url in refused:
                r = await _get(funding, url, org, role)
                assert r.status_code == 403, (org.name, role, url, r.text)
                assert "Aylin" not in r.text


async def test_managers_names_for_the_applicant_district_and_council_only(funding, programme):
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "approved")
    url = f"/funding/v1/applications/{app['id']}"
    for org, role in ((GOEPPINGEN, "applicant"), (LRA_GOEPPINGEN, "district_reviewer")):
        r = await _get(funding, url, org, role)
        assert r.json()["positions"][0]["manager_name"] == "Aylin Demir"
    notice = await _get(funding, url + "/decision-notice", RP_STUTTGART, "approver")
    assert notice.json()["positions"][0]["manager_name"] == "Aylin Demir"
    # the platform administers, it does not read managers' names
    r = await _get(funding, url, PLATFORM, "admin")
    assert r.status_code == 200
    assert r.json()["positions"] == []
    listed = await _get(funding, "/funding/v1/applications", PLATFORM, "admin")
    mine = [a for a in listed.json()["items"] if a["id"] == app["id"]]
    assert mine[0]["positions"] == []
    notice = await _get(funding, url + "/decision-notice", PLATFORM, "admin")
    assert notice.json()["positions"] == []
    assert "Aylin" not in r.text + listed.text + notice.text


@pytest.fixture
async def funding_with_upstreams(databases, tokens) -> AsyncIterator[ServiceUnderTest]:
    async with funding_on_upstreams(databases, tokens, create_app, settings_for) as found:
        sut, transport = found
        sut.app.state.upstream = transport
        yield sut


async def _caritas_cases(
    sut: ServiceUnderTest, n_for_goeppingen: int, n_own: int, commissioner: str = GOEPPINGEN.id
) -> None:
    """Cases a Caritas case worker opens in the real cases service (with a real token):
    `n_for_goeppingen` commissioned by `commissioner`, `n_own` of its own."""
    async with httpx.AsyncClient(transport=sut.app.state.upstream) as http:
        login = await http.post(
            "http://auth.test/auth/v1/token",
            data={"grant_type": "password", "username": "cw.caritas", "password": "pakt-demo-2026"},
        )
        assert login.status_code == 200, login.text
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        for i in range(n_for_goeppingen + n_own):
            body = {
                "pseudonym": f"C-{i}",
                "municipality_ags": "08117019",
                "opened_on": "2018-03-01",
            }
            if i < n_for_goeppingen:
                body["commissioned_by"] = commissioner
            r = await http.post("http://cases.test/cases/v1/cases", json=body, headers=headers)
            assert r.status_code == 201, r.text


async def test_charities_are_directory_organizations_and_their_work_counts(
    funding_with_upstreams, tokens
):
    """Findings 3 and 4: providers are charities of the directory; the charity reads the grant
    it works under (read-only, without the named positions); the proof of use carries the exact
    figures of the work it delivered for the applicant."""
    sut = funding_with_upstreams
    programme = await setup_programme(sut)
    headers = GOEPPINGEN.headers(tokens, "applicant")
    for wrong in (GOEPPINGEN.id, org_id_for_ags("08117"), "00000000-0000-4000-8000-000000000000"):
        body = {
            "programme_id": programme["id"],
            "delivery_model": "provider",
            "providers": [wrong],
            "positions": ONE_POSITION,
        }
        r = await sut.client.post("/funding/v1/applications", json=body, headers=headers)
        assert r.status_code == 422, (wrong, r.text)
    names = await sut.client.post(
        "/funding/v1/applications",
        json={**body, "providers": ["Caritas Fils-Neckar-Alb"]},
        headers=headers,
    )
    assert names.status_code == 422
    app = await create_draft(sut, programme, delivery_model="provider", providers=[CARITAS_ID])
    assert app["providers"] == [CARITAS_ID]
    url = f"/funding/v1/applications/{app['id']}"
    assert (await _get(sut, url, CARITAS, "applicant")).status_code == 404  # a draft: not yet
    await bring_to(sut, app["id"], "approved")
    seen = await _get(sut, url, CARITAS, "applicant")
    assert seen.status_code == 200, seen.text
    assert seen.json()["positions"] == []  # no managers' names for the charity
    listed = await _get(sut, "/funding/v1/applications", CARITAS, "applicant")
    assert [a["id"] for a in listed.json()["items"]] == [app["id"]]
    assert (await _get(sut, url, CARITAS, "case_worker")).status_code == 404
    act = await sut.client.post(
        url + "/transitions",
        json={"action": "withdraw"},
        headers={**CARITAS.headers(tokens, "applicant"), "If-Match": seen.headers["etag"]},
    )
    assert act.status_code == 403  # read-only
    await _caritas_cases(sut, n_for_goeppingen=3, n_own=2)
    proof = await sut.client.post(
        url + "/proof-of-use",
        json={
            "positions": [{"position_id": app["positions"][0]["id"], "months_worked": 24}],
            "report": "Beratung durch die Caritas im Auftrag der Stadt.",
        },
        headers=headers,
    )
    assert proof.status_code == 201, proof.text
    figures = proof.json()["key_figures"]
    assert figures["exact"] is True
    assert figures["org"] == GOEPPINGEN.id
    assert figures["totals"]["new_cases"] == 0
    [caritas] = figures["delivered_by"]
    assert (caritas["org"], caritas["commissioned_by"]) == (CARITAS_ID, GOEPPINGEN.id)
    assert caritas["exact"] is True
    assert caritas["totals"]["new_cases"] == 3  # exact, not "<5"; the charity's own 2 not


async def test_the_proof_of_a_consortium_carries_every_members_work(funding_with_upstreams, tokens):
    """The proof of use pulls the figures of everyone who delivered under the grant: the lead,
    each accepted member, and the charity's cases commissioned by any of them."""
    sut = funding_with_upstreams
    programme = await setup_programme(sut)
    formed = await form(sut, programme, GOEPPINGEN, [SCHORNDORF.path[-1]], "Voralb")
    assert formed.status_code == 201, formed.text
    consortium = formed.json()["id"]
    accepted = await answer(sut, consortium, SCHORNDORF.path[-1], SCHORNDORF, "acceptance")
    assert accepted.status_code == 200, accepted.text
    app = await create_draft(
        sut,
        programme,
        consortium_id=consortium,
        delivery_model="provider",
        providers=[CARITAS_ID],
    )
    await bring_to(sut, app["id"], "approved")
    await _caritas_cases(sut, n_for_goeppingen=4, n_own=1, commissioner=SCHORNDORF.id)
    proof = await sut.client.post(
        f"/funding/v1/applications/{app['id']}/proof-of-use",
        json={
            "positions": [{"position_id": app["positions"][0]["id"], "months_worked": 24}],
            "report": "Beratung im Verbund.",
        },
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert proof.status_code == 201, proof.text
    figures = proof.json()["key_figures"]
    assert figures["org"] == GOEPPINGEN.id
    [member] = figures["members"]
    assert (member["org"], member["exact"]) == (SCHORNDORF.id, True)
    delivered = {(d["org"], d["commissioned_by"]): d for d in figures["delivered_by"]}
    assert set(delivered) == {(CARITAS_ID, GOEPPINGEN.id), (CARITAS_ID, SCHORNDORF.id)}
    assert delivered[CARITAS_ID, SCHORNDORF.id]["totals"]["new_cases"] == 4  # exact, not "<5"
    assert delivered[CARITAS_ID, GOEPPINGEN.id]["totals"]["new_cases"] == 0
