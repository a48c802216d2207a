"""District- and state-wide key figures (issue 16): sums of the monthly aggregates of every
organization in the area, for analysts of an area that contains it."""

from __future__ import annotations

from tests.cases.conftest import Caller
from tests.cases.test_api_key_figures import _activity
from tests.support.apps import ServiceUnderTest

# an area of its own, so the other tests' cases in this database do not count here
WORKER_A = Caller("org-area-a", ("08", "089", "08999", "08999001"), ("case_worker",), sub="cw-a")
WORKER_B = Caller("org-area-b", ("08", "089", "08999", "08999002"), ("case_worker",), sub="cw-b")
ANALYST = Caller("lra-08999", ("08", "089", "08999"), ("analyst",), kind="rural_district")
NEIGHBOUR = Caller("lra-08998", ("08", "089", "08998"), ("analyst",), kind="rural_district")
MINISTRY = Caller("ministry", ("08",), ("analyst",), kind="ministry")
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


async def _area(svc: ServiceUnderTest, caller: Caller, **params: str) -> dict[str, object]:
    r = await svc.client.get(
        "/cases/v1/key-figures/area", params=params, headers=caller.headers(svc.tokens)
    )
    return {"status": r.status_code, **r.json()}


async def test_area_figures_add_up_the_organizations_of_the_district(
    svc: ServiceUnderTest,
) -> None:
    await _activity(svc, WORKER_A, cases=4, consultations_each=1)
    await _activity(svc, WORKER_B, cases=3, consultations_each=2)
    doc = await _area(svc, ANALYST, area="08999", **YEAR)
    assert doc["status"] == 200, doc
    totals = doc["totals"]
    assert isinstance(totals, dict)
    assert doc["organizations"] == 2
    assert totals["new_cases"] == 7
    assert totals["consultations"] == 10
    assert totals["consultation_hours"] == "15.00"
    assert totals["plans_created"] == 7
    assert totals["plans_revised"] == "<5"  # one revision in each organization
    assert totals["referrals"] == [{"agency": "job_centre", "count": 7}]
    state = await _area(svc, MINISTRY, area="08", **YEAR)
    assert state["status"] == 200
    state_totals = state["totals"]
    assert isinstance(state_totals, dict)
    assert state_totals["new_cases"] >= 7
    before = await _area(svc, ANALYST, area="08999", **{"from": "2025-01-01", "to": "2025-12-31"})
    assert before["totals"] == {
        **totals,
        "new_cases": 0,
        "consultations": 0,
        "consultation_hours": "0.00",
        "plans_created": 0,
        "plans_revised": 0,
        "referrals": [],
    }


async def test_area_figures_only_inside_the_readers_area(svc: ServiceUnderTest) -> None:
    assert (await _area(svc, NEIGHBOUR, area="08999", **YEAR))["status"] == 403
    assert (await _area(svc, ANALYST, area="089", **YEAR))["status"] == 403
    assert (await _area(svc, WORKER_A, area="08999", **YEAR))["status"] == 403
    half = await _area(svc, ANALYST, area="08999", **{"from": "2026-01-15", "to": "2026-12-31"})
    assert half["status"] == 400
    assert str(half["type"]).endswith("invalid-period")
