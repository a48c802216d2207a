"""Issue 11 in the cases service, through HTTP: the key-figures area check reads the directory
(finding 6), published figures keep primary and add secondary suppression while the funding
service's scope reads exact counts (finding 4), commissioned cases count for the commissioning
organization (finding 3), and the access log names its readers (finding 7)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.cases.app import create_app
from services.common.orgs import org_id_for_ags, org_id_for_slug
from tests.cases.conftest import (
    CASE_WORKER,
    GOEPPINGEN,
    GOEPPINGEN_PATH,
    OTHER_WORKER,
    PRIVACY,
    Caller,
    open_case,
    settings_for,
    with_person,
)
from tests.cases.test_access_matrix import ORGS, ROLES, _caller
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.directory import JWKS_URL, directory_transport, use_transport
from tests.support.tokens import TokenFactory

HEIDENHEIM = org_id_for_ags("08135019")
HEIDENHEIM_WORKER = Caller(
    HEIDENHEIM, ("08", "081", "08135", "08135019"), ("case_worker",), sub="cw-heidenheim"
)
CARITAS = org_id_for_slug("caritas-fils-neckar-alb")  # a charity in Landkreis Göppingen
CARITAS_WORKER = Caller(
    CARITAS, ("08", "081", "08117"), ("case_worker",), kind="provider", sub="cw-caritas"
)
DIAKONIE_HEIDENHEIM = org_id_for_slug("diakonie-heidenheim")
REVIEWER_GOEPPINGEN = Caller(
    org_id_for_ags("08117"),
    ("08", "081", "08117"),
    ("district_reviewer",),
    kind="rural_district",
    sub="reviewer-gp",
)
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


@pytest.fixture
async def svc_dir(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    """The cases app with auth's real directory behind it (reading it with the caller's token)."""
    async with (
        directory_transport(databases, tokens) as transport,
        running_service(create_app, settings_for(databases, jwks_url=JWKS_URL), tokens) as sut,
    ):
        await use_transport(sut, transport)
        yield sut


async def figures(svc: ServiceUnderTest, caller: Caller | dict[str, str], **params: str) -> Any:
    headers = caller.headers(svc.tokens) if isinstance(caller, Caller) else caller
    return await svc.client.get("/cases/v1/key-figures", params={**YEAR, **params}, headers=headers)


async def test_area_check_answers_the_same_whether_or_not_an_org_has_cases(svc_dir):
    """Finding 6: Heidenheim lies outside Landkreis Göppingen, with or without cases."""
    before = await figures(svc_dir, REVIEWER_GOEPPINGEN, org=HEIDENHEIM)
    assert before.status_code == 403, before.text
    assert before.json()["type"].endswith("/outside-area")
    await open_case(svc_dir, HEIDENHEIM_WORKER, municipality_ags="08135019", opened_on="2026-02-01")
    after = await figures(svc_dir, REVIEWER_GOEPPINGEN, org=HEIDENHEIM)
    assert (after.status_code, after.json()["type"]) == (403, before.json()["type"])
    assert after.json()["detail"] == before.json()["detail"]
    # unknown ids and charities outside the area: the same refusal
    for org in (str(uuid.uuid4()), DIAKONIE_HEIDENHEIM):
        r = await figures(svc_dir, REVIEWER_GOEPPINGEN, org=org)
        assert (r.status_code, r.json()["detail"]) == (403, before.json()["detail"])
    # inside the area: Göppingen without cases, and a charity placed under the district
    for org in (GOEPPINGEN, CARITAS):
        r = await figures(svc_dir, REVIEWER_GOEPPINGEN, org=org)
        assert r.status_code == 200, r.text
        assert r.json()["totals"]["new_cases"] == 0


async def _cases(svc: ServiceUnderTest, caller: Caller, n: int, **body: Any) -> None:
    for _ in range(n):
        await open_case(svc, caller, opened_on="2026-02-01", **body)


async def test_published_totals_never_reveal_a_suppressed_cell(svc):
    """Finding 6 (second part) and 4: "<5" cells are not derivable from the total."""
    await _cases(svc, CASE_WORKER, 5)
    await _cases(svc, OTHER_WORKER, 2)
    r = await figures(svc, CASE_WORKER, org=GOEPPINGEN)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["exact"] is False
    workers = {w["case_worker"]: w["figures"] for w in doc["by_case_worker"]}
    assert workers[CASE_WORKER.sub]["new_cases"] == 5
    assert workers[OTHER_WORKER.sub]["new_cases"] == "<5"
    assert doc["totals"]["new_cases"] == "withheld"  # 7 - 5 would give the 2 away
    assert doc["totals"]["persons_counselled"] == 0  # nothing suppressed in that group
    for name, total in doc["totals"].items():
        cells = [w[name] for w in workers.values()]
        if isinstance(total, int) and name != "consultation_hours":
            assert "<5" not in cells, name


async def test_the_exact_scope_reads_exact_counts(svc):
    """Finding 4: the funding service's client (scope figures:exact) gets exact counts, others
    holding the same roles do not."""
    await _cases(svc, CASE_WORKER, 5)
    await _cases(svc, OTHER_WORKER, 2)
    funding = svc.tokens.headers(
        roles=[], org=org_id_for_slug("platform"), org_kind="platform", scope="figures:exact"
    )
    r = await figures(svc, funding, org=GOEPPINGEN)
    assert r.status_code == 200, r.text
    assert r.json()["exact"] is True
    assert r.json()["totals"]["new_cases"] == 7
    workers = {w["case_worker"]: w["figures"] for w in r.json()["by_case_worker"]}
    assert workers[OTHER_WORKER.sub]["new_cases"] == 2
    unscoped = svc.tokens.headers(roles=[], org=org_id_for_slug("platform"), org_kind="platform")
    assert (await figures(svc, unscoped, org=GOEPPINGEN)).status_code == 403


async def test_commissioned_cases_count_for_the_commissioning_municipality(svc_dir):
    """Finding 3: a charity's cases record whom they are delivered for; the municipality reads
    the figures of that work, not the charity's other work."""
    grant = str(uuid.uuid4())
    await _cases(svc_dir, CARITAS_WORKER, 6, commissioned_by=GOEPPINGEN, grant_id=grant)
    await _cases(svc_dir, CARITAS_WORKER, 2)  # the charity's own work
    case = await open_case(svc_dir, CARITAS_WORKER, commissioned_by=GOEPPINGEN)
    assert case["commissioned_by"] == GOEPPINGEN
    goeppingen = Caller(GOEPPINGEN, GOEPPINGEN_PATH, ("applicant",), sub="applicant-gp")
    r = await figures(svc_dir, goeppingen, org=CARITAS, commissioned_by=GOEPPINGEN)
    assert r.status_code == 200, r.text
    assert (r.json()["commissioned_by"], r.json()["totals"]["new_cases"]) == (GOEPPINGEN, 7)
    by_grant = await figures(svc_dir, CARITAS_WORKER, org=CARITAS, grant_id=grant)
    assert by_grant.json()["totals"]["new_cases"] == 6
    everything = await figures(svc_dir, CARITAS_WORKER, org=CARITAS)
    assert everything.json()["totals"]["new_cases"] == 9
    # the municipality reads the work done for it, not the charity's figures as a whole
    assert (await figures(svc_dir, goeppingen, org=CARITAS)).status_code == 403
    other = org_id_for_ags("08117007")
    assert (
        await figures(svc_dir, goeppingen, org=CARITAS, commissioned_by=other)
    ).status_code == 403
    bad = await svc_dir.client.post(
        "/cases/v1/cases",
        json={"pseudonym": "X", "municipality_ags": "08117019", "commissioned_by": "Göppingen"},
        headers=CARITAS_WORKER.headers(svc_dir.tokens),
    )
    assert bad.status_code == 422
    # an id must name a municipality or district of the directory: not an invented one, not a
    # charity, not a region; nothing is written
    before = (await figures(svc_dir, CARITAS_WORKER, org=CARITAS)).json()["totals"]["new_cases"]
    for wrong in (str(uuid.uuid4()), DIAKONIE_HEIDENHEIM, org_id_for_ags("081")):
        r = await svc_dir.client.post(
            "/cases/v1/cases",
            json={"pseudonym": "X", "municipality_ags": "08117019", "commissioned_by": wrong},
            headers=CARITAS_WORKER.headers(svc_dir.tokens),
        )
        assert r.status_code == 422, (wrong, r.text)
        assert r.json()["type"].endswith("/unknown-commissioner")
        changed = await svc_dir.client.patch(
            f"/cases/v1/cases/{case['id']}",
            json={"commissioned_by": wrong},
            headers={**CARITAS_WORKER.headers(svc_dir.tokens), "If-Match": f'"{case["version"]}"'},
        )
        assert changed.status_code == 422, (wrong, changed.text)
    after = (await figures(svc_dir, CARITAS_WORKER, org=CARITAS)).json()["totals"]["new_cases"]
    assert after == before
    district = org_id_for_ags("08117")  # a Landratsamt commissions too
    moved = await svc_dir.client.patch(
        f"/cases/v1/cases/{case['id']}",
        json={"commissioned_by": district},
        headers={**CARITAS_WORKER.headers(svc_dir.tokens), "If-Match": f'"{case["version"]}"'},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["commissioned_by"] == district


async def test_access_log_names_each_reader(svc):
    """Finding 7: the privacy officer sees who read: name, organization and role."""
    case = await open_case(svc)
    reader = svc.tokens.headers(
        roles=["case_worker"],
        org=GOEPPINGEN,
        org_kind="municipality",
        org_path=list(GOEPPINGEN_PATH),
        sub=CASE_WORKER.sub,
        name="Integrationsmanagement Göppingen",
    )
    assert (
        await svc.client.get(f"/cases/v1/cases/{case['id']}", headers=reader)
    ).status_code == 200
    r = await svc.client.get(
        f"/cases/v1/cases/{case['id']}/access-log", headers=PRIVACY.headers(svc.tokens)
    )
    assert r.status_code == 200, r.text
    entry = r.json()["items"][0]
    assert entry["actor"] == CASE_WORKER.sub
    assert entry["actor_name"] == "Integrationsmanagement Göppingen"
    assert (entry["actor_org"], entry["actor_org_kind"]) == (GOEPPINGEN, "municipality")
    assert entry["actor_roles"] == ["case_worker"]


@pytest.mark.parametrize("role", ROLES)
async def test_key_figures_for_own_organization_and_area_analysts(svc_dir, role):
    """From tests/cases/test_access_matrix.py: every role of every kind of organization."""
    await with_person(svc_dir)
    for org in ORGS:
        r = await svc_dir.client.get(
            "/cases/v1/key-figures",
            params={"org": GOEPPINGEN, "from": "2026-01-01", "to": "2026-12-31"},
            headers=_caller(role, org).headers(svc_dir.tokens),
        )
        covers = org in ("owner", "district", "ministry")
        allowed = org == "owner" or (
            role in ("analyst", "approver", "district_reviewer") and covers
        )
        assert r.status_code == (200 if allowed else 403), (org, r.text)
        if allowed:
            assert r.json()["totals"]["new_cases"] == "<5"
            assert "Amina" not in r.text
        else:
            assert r.json()["type"].endswith("/outside-area")


async def test_analyst_of_another_district_is_outside_the_area(svc_dir):
    await with_person(svc_dir)
    ulm = Caller(
        "org-ulm-lra",
        ("08", "084", "08425"),
        ("analyst",),
        kind="rural_district",
        sub="analyst-ulm",
    )
    r = await svc_dir.client.get(
        "/cases/v1/key-figures",
        params={"org": GOEPPINGEN, "from": "2026-01-01", "to": "2026-12-31"},
        headers=ulm.headers(svc_dir.tokens),
    )
    assert r.status_code == 403
