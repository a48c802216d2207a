"""Key figures: exact aggregates, small counts suppressed, per case worker and in total."""

from __future__ import annotations

from tests.cases.conftest import CASE_WORKER, OTHER_WORKER, open_case


async def _activity(svc, caller, cases: int, consultations_each: int):
    headers = caller.headers(svc.tokens)
    for i in range(cases):
        case = await open_case(svc, caller, opened_on="2026-02-01")
        base = f"/cases/v1/cases/{case['id']}"
        goals = [{"field": "language", "status": "achieved"}, {"field": "work"}]
        await svc.client.post(base + "/plan/versions", json={"goals": goals}, headers=headers)
        if i == 0:
            await svc.client.post(
                base + "/plan/versions",
                json={"goals": goals},
                headers={**headers, "If-Match": '"1"'},
            )
        for _ in range(consultations_each):
            await svc.client.post(
                base + "/consultations",
                json={
                    "held_on": "2026-03-01",
                    "duration_minutes": 90,
                    "mode": "office",
                    "fields": ["work"],
                },
                headers=headers,
            )
        await svc.client.post(
            base + "/referrals",
            json={"agency": "job_centre", "field": "work", "referred_on": "2026-03-02"},
            headers=headers,
        )
    return case


async def test_figures_per_worker_with_suppression(svc):
    await _activity(svc, CASE_WORKER, cases=5, consultations_each=1)
    last = await _activity(svc, OTHER_WORKER, cases=2, consultations_each=2)
    await svc.client.patch(
        f"/cases/v1/cases/{last['id']}",
        json={"status": "closed", "closing_reason": "independent", "closed_on": "2026-06-30"},
        headers=OTHER_WORKER.headers(svc.tokens, **{"If-Match": "*"}),
    )
    params = {"org": CASE_WORKER.org, "from": "2026-01-01", "to": "2026-12-31"}
    # the area check of other readers needs the directory: tests/cases/test_figures.py
    r = await svc.client.get(
        "/cases/v1/key-figures", params=params, headers=CASE_WORKER.headers(svc.tokens)
    )
    assert r.status_code == 200, r.text
    doc = r.json()
    totals = doc["totals"]
    # secondary suppression: a total over a "<5" cell is withheld (7 - 5 would give 2 away)
    assert totals["new_cases"] == "withheld"
    assert totals["persons_counselled"] == "withheld"
    assert totals["consultations"] == "withheld"
    assert totals["consultation_hours"] == "withheld"
    assert totals["plans_created"] == "withheld"
    assert totals["plans_revised"] == "<5"
    assert {"field": "language", "status": "achieved", "count": "withheld"} in totals["goals"]
    assert totals["referrals"] == [{"agency": "job_centre", "count": "withheld"}]
    assert totals["cases_closed"] == [{"reason": "independent", "count": "<5"}]
    workers = {w["case_worker"]: w["figures"] for w in doc["by_case_worker"]}
    assert workers[CASE_WORKER.sub]["new_cases"] == 5
    assert workers[CASE_WORKER.sub]["consultations"] == 5
    assert workers[CASE_WORKER.sub]["consultation_hours"] == "7.50"
    assert workers[OTHER_WORKER.sub]["new_cases"] == "<5"
    assert workers[OTHER_WORKER.sub]["consultation_hours"] == "<5"

    one = await svc.client.get(
        "/cases/v1/key-figures",
        params={**params, "case_worker": OTHER_WORKER.sub},
        headers=CASE_WORKER.headers(svc.tokens),
    )
    assert one.json()["case_worker"] == OTHER_WORKER.sub
    assert [w["case_worker"] for w in one.json()["by_case_worker"]] == [OTHER_WORKER.sub]
    assert one.json()["totals"]["new_cases"] == "<5"

    before = await svc.client.get(
        "/cases/v1/key-figures",
        params={**params, "to": "2026-01-31"},
        headers=CASE_WORKER.headers(svc.tokens),
    )
    assert before.json()["totals"]["new_cases"] == 0
    assert before.json()["totals"]["consultation_hours"] == "0.00"


async def test_period_must_be_sensible(svc):
    headers = CASE_WORKER.headers(svc.tokens)
    r = await svc.client.get(
        "/cases/v1/key-figures",
        params={"org": CASE_WORKER.org, "from": "2026-12-31", "to": "2026-01-01"},
        headers=headers,
    )
    assert r.status_code == 400
    assert r.json()["type"].endswith("/invalid-period")
    r = await svc.client.get(
        "/cases/v1/key-figures",
        params={"org": CASE_WORKER.org, "from": "2026-01-01"},
        headers=headers,
    )
    assert r.status_code == 422
