"""Proofs of use, with key figures fetched from the real cases service using a real client token."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.funding.app import create_app
from tests.funding.conftest import settings_for, setup_programme
from tests.funding.flow import bring_to, create_draft
from tests.funding.personas import GOEPPINGEN, LRA_GOEPPINGEN, RP_STUTTGART
from tests.funding.upstream import funding_on_upstreams
from tests.support.apps import ServiceUnderTest


@pytest.fixture
async def funding_with_upstreams(databases, tokens) -> AsyncIterator[ServiceUnderTest]:
    async with funding_on_upstreams(databases, tokens, create_app, settings_for) as (sut, _):
        yield sut


async def test_proof_of_use_carries_key_figures_from_cases(funding_with_upstreams, tokens):
    sut = funding_with_upstreams
    programme = await setup_programme(sut)
    app = await create_draft(sut, programme)
    await bring_to(sut, app["id"], "approved")
    url = f"/funding/v1/applications/{app['id']}/proof-of-use"
    body = {
        "positions": [{"position_id": app["positions"][0]["id"], "months_worked": 23}],
        "report": "Im Förderzeitraum wurden Personen in der Anschlussunterbringung beraten.",
    }
    r = await sut.client.post(url, json=body, headers=GOEPPINGEN.headers(tokens, "applicant"))
    assert r.status_code == 201, r.text
    proof = r.json()
    assert proof["months_worked"] == {app["positions"][0]["id"]: 23}
    figures = proof["key_figures"]
    assert figures["org"] == GOEPPINGEN.id
    assert (figures["period_start"], figures["period_end"]) == ("2017-07-01", "2019-06-30")
    assert "totals" in figures
    # readable on the route; one proof per application
    seen = await sut.client.get(url, headers=RP_STUTTGART.headers(tokens, "approver"))
    assert seen.json()["id"] == proof["id"]
    again = await sut.client.post(url, json=body, headers=GOEPPINGEN.headers(tokens, "applicant"))
    assert again.status_code == 409
    # the reviewer cannot file it; more months than approved are refused
    other = await create_draft(sut, programme)
    await bring_to(sut, other["id"], "approved")
    wrong = await sut.client.post(
        f"/funding/v1/applications/{other['id']}/proof-of-use",
        json=body,
        headers=LRA_GOEPPINGEN.headers(tokens, "district_reviewer"),
    )
    assert wrong.status_code == 403
    too_long = {
        **body,
        "positions": [{"position_id": other["positions"][0]["id"], "months_worked": 25}],
    }
    r = await sut.client.post(
        f"/funding/v1/applications/{other['id']}/proof-of-use",
        json=too_long,
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 422


async def test_overdue_proofs_are_listed_for_the_council(funding, programme, tokens):
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "approved")
    url = "/funding/v1/overdue-proofs"
    before_due = await funding.client.get(
        url, params={"as_of": "2019-09-30"}, headers=RP_STUTTGART.headers(tokens, "approver")
    )
    assert app["id"] not in [i["application_id"] for i in before_due.json()["items"]]
    overdue = await funding.client.get(
        url, params={"as_of": "2019-10-01"}, headers=RP_STUTTGART.headers(tokens, "approver")
    )
    items = {i["application_id"]: i for i in overdue.json()["items"]}
    assert items[app["id"]]["due_on"] == "2019-09-30"
    assert items[app["id"]]["granted_amount"] == "51000.00"


async def test_proof_needs_the_cases_service(funding, programme, tokens):
    app = await create_draft(funding, programme)
    await bring_to(funding, app["id"], "approved")
    body = {
        "positions": [{"position_id": app["positions"][0]["id"], "months_worked": 24}],
        "report": "Bericht",
    }
    # the default settings point at 127.0.0.1:8001 where nothing listens in tests
    r = await funding.client.post(
        f"/funding/v1/applications/{app['id']}/proof-of-use",
        json=body,
        headers=GOEPPINGEN.headers(tokens, "applicant"),
    )
    assert r.status_code == 503
    assert r.json()["type"].endswith("/funding/upstream-unavailable")
