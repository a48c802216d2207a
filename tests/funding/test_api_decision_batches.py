"""Batch decisions: per-item results, all_or_nothing, idempotency, reading a batch later."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

from services.funding.applications.bulk import insert_forwarded
from tests.funding.flow import bring_to, create_draft
from tests.funding.personas import GOEPPINGEN, LRA_GOEPPINGEN, RP_KARLSRUHE, RP_STUTTGART
from tests.support.apps import ServiceUnderTest

URL = "/funding/v1/decision-batches"


async def _forwarded(
    funding: ServiceUnderTest, programme: dict[str, Any], n: int, **kwargs: Any
) -> list[str]:
    async with funding.session() as session:
        ids = await insert_forwarded(session, uuid.UUID(programme["id"]), n, **kwargs)
        await session.commit()
    return [str(i) for i in ids]


async def test_mixed_batch_reports_each_item(funding, programme, tokens):
    ids = await _forwarded(funding, programme, 5)
    decided_before = await create_draft(funding, programme)
    await bring_to(funding, decided_before["id"], "approved")
    at_district = await create_draft(funding, programme)
    await bring_to(funding, at_district["id"], "submitted")
    draft = await create_draft(funding, programme)
    items = [
        {"application_id": ids[0], "decision": "approve", "comment": "fristgerecht"},
        {"application_id": ids[1], "decision": "partially_approve", "granted_amount": "30000.00"},
        {"application_id": ids[2], "decision": "reject", "if_match": '"3"'},
        {"application_id": decided_before["id"], "decision": "approve"},
        {"application_id": at_district["id"], "decision": "approve"},
        {"application_id": draft["id"], "decision": "approve"},
        {"application_id": str(uuid.uuid4()), "decision": "approve"},
        {"application_id": ids[3], "decision": "approve", "if_match": '"1"'},
        {"application_id": ids[0], "decision": "reject"},
        {"application_id": ids[4], "decision": "partially_approve", "granted_amount": "51000.00"},
    ]
    headers = {
        **RP_STUTTGART.headers(tokens, "approver", sub="batch-rp-stuttgart", sub_type="client"),
        "Idempotency-Key": "b-1",
    }
    r = await funding.client.post(URL, json={"items": items}, headers=headers)
    assert r.status_code == 201, r.text
    batch = r.json()
    outcomes = [
        (i["outcome"], i["state"], (i["problem"] or {}).get("status")) for i in batch["items"]
    ]
    assert outcomes == [
        ("decided", "approved", None),
        ("decided", "partially_approved", None),
        ("decided", "rejected", None),
        ("skipped", "approved", None),
        ("failed", "submitted", 409),
        ("failed", None, 404),  # a draft is not on the council's desk
        ("failed", None, 404),
        ("failed", "forwarded", 412),
        ("failed", None, 409),  # duplicate of item 0
        ("failed", "forwarded", 422),
    ]
    assert (batch["decided"], batch["skipped"], batch["failed"], batch["applied"]) == (
        3,
        1,
        6,
        True,
    )
    assert batch["items"][1]["granted_amount"] == "30000.00"
    assert batch["items"][0]["notice_number"].startswith("ZB-081-")

    # the effects are real: states, history, budget, events
    app = (
        await funding.client.get(
            f"/funding/v1/applications/{ids[1]}", headers=RP_STUTTGART.headers(tokens, "approver")
        )
    ).json()
    assert (app["state"], app["granted_amount"], app["version"]) == (
        "partially_approved",
        "30000.00",
        4,
    )
    history = (
        await funding.client.get(
            f"/funding/v1/applications/{ids[0]}/transitions",
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )
    ).json()["items"]
    assert history[-1]["batch_id"] == batch["id"]
    assert history[-1]["comment"] == "fristgerecht"
    prog = (
        await funding.client.get(
            f"/funding/v1/programmes/{programme['id']}",
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )
    ).json()
    assert Decimal(prog["booked_amount"]) == Decimal("51000.00") * 2 + Decimal("30000.00")
    events = (
        await funding.client.get(
            "/funding/v1/events",
            params={"type": "application.decided"},
            headers=GOEPPINGEN.headers(tokens, "applicant"),
        )
    ).json()
    assert {e["entity_id"] for e in events["items"]} >= set(ids[:3])

    # a retry replays; the batch stays readable for the council, not for others
    again = await funding.client.post(URL, json={"items": items}, headers=headers)
    assert again.json()["id"] == batch["id"]
    assert again.headers["idempotent-replayed"] == "true"
    later = await funding.client.get(
        f"{URL}/{batch['id']}", headers=RP_STUTTGART.headers(tokens, "approver")
    )
    assert later.json()["items"] == batch["items"]
    other = await funding.client.get(
        f"{URL}/{batch['id']}", headers=RP_KARLSRUHE.headers(tokens, "approver")
    )
    assert other.status_code == 404


async def test_all_or_nothing_applies_nothing_when_an_item_fails(funding, programme, tokens):
    ids = await _forwarded(funding, programme, 3)
    items = [{"application_id": i, "decision": "approve"} for i in ids]
    items.append({"application_id": str(uuid.uuid4()), "decision": "approve"})
    r = await funding.client.post(
        URL,
        json={"mode": "all_or_nothing", "items": items},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert r.status_code == 201
    batch = r.json()
    assert batch["applied"] is False
    assert batch["decided"] == 0
    assert batch["failed"] == 4
    assert batch["items"][0]["problem"]["type"].endswith("/funding/invalid-transition")
    for i in ids:
        app = (
            await funding.client.get(
                f"/funding/v1/applications/{i}", headers=RP_STUTTGART.headers(tokens, "approver")
            )
        ).json()
        assert app["state"] == "forwarded"
    ok = await funding.client.post(
        URL,
        json={"mode": "all_or_nothing", "items": items[:3]},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert ok.json()["decided"] == 3
    assert ok.json()["applied"] is True


async def test_batch_stops_at_the_budget(funding, tokens):
    from tests.funding.conftest import setup_programme

    tight = await setup_programme(funding, name="Tight batch", total_budget="120000.00")
    ids = await _forwarded(funding, tight, 3)
    items = [{"application_id": i, "decision": "approve"} for i in ids]
    r = await funding.client.post(
        URL, json={"items": items}, headers=RP_STUTTGART.headers(tokens, "approver")
    )
    outcomes = [i["outcome"] for i in r.json()["items"]]
    assert outcomes == ["decided", "decided", "failed"]
    assert r.json()["items"][2]["problem"]["type"].endswith("/funding/budget-exceeded")


async def test_only_approvers_send_batches(funding, programme, tokens):
    r = await funding.client.post(
        URL,
        json={"items": [{"application_id": str(uuid.uuid4()), "decision": "approve"}]},
        headers=LRA_GOEPPINGEN.headers(tokens, "district_reviewer"),
    )
    assert r.status_code == 403
    too_many = await funding.client.post(
        URL,
        json={"items": [{"application_id": str(uuid.uuid4()), "decision": "approve"}] * 10_001},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert too_many.status_code == 422


async def test_ten_thousand_mixed_decisions_in_one_request(funding, programme, tokens):
    ids = await _forwarded(funding, programme, 10_000, amount=Decimal("5100.00"))
    decisions = ["approve", "partially_approve", "reject", "approve"]
    items = []
    for n, i in enumerate(ids):
        d = decisions[n % 4]
        items.append(
            {
                "application_id": i,
                "decision": d,
                **({"granted_amount": "2550.00"} if d == "partially_approve" else {}),
            }
        )
    items[17]["if_match"] = '"2"'  # stale
    started = time.perf_counter()
    r = await funding.client.post(
        URL, json={"items": items}, headers=RP_STUTTGART.headers(tokens, "approver")
    )
    elapsed = time.perf_counter() - started
    assert r.status_code == 201, r.text[:500]
    batch = r.json()
    assert (batch["decided"], batch["failed"], batch["skipped"]) == (9_999, 1, 0)
    assert batch["items"][17]["problem"]["status"] == 412
    states = [i["state"] for i in batch["items"][:4]]
    assert states == ["approved", "partially_approved", "rejected", "approved"]
    notices = {i["notice_number"] for i in batch["items"] if i["notice_number"]}
    assert len(notices) == 9_999
    assert elapsed < 60
    prog = (
        await funding.client.get(
            f"/funding/v1/programmes/{programme['id']}",
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )
    ).json()
    # 5,000 full approvals × 5,100 + 2,499 partial (one stale) × 2,550
    assert prog["booked_amount"] == "31872450.00"


async def test_every_decision_is_audited_with_actor_and_request(funding, programme, tokens):
    from sqlalchemy import select

    from services.common.tables import audit_entry, outbox_event

    ids = await _forwarded(funding, programme, 2)
    headers = {
        **RP_STUTTGART.headers(tokens, "approver", sub="batch-rp-stuttgart"),
        "X-Request-ID": "batch-audit-1",
    }
    r = await funding.client.post(
        URL,
        json={"items": [{"application_id": i, "decision": "reject"} for i in ids]},
        headers=headers,
    )
    assert r.json()["decided"] == 2
    async with funding.session() as session:
        rows = (
            await session.exec(select(audit_entry).where(audit_entry.c.entity_id.in_(ids)))
        ).all()
    assert sorted(r.entity_id for r in rows) == sorted(ids)
    assert {(r.action, r.actor, r.actor_org, r.request_id) for r in rows} == {
        ("application.reject", "batch-rp-stuttgart", RP_STUTTGART.id, "batch-audit-1")
    }
    assert {row.details["batch_id"] for row in rows} == {r.json()["id"]}
    # the one-statement write (issue 16) keeps what each entry and event says
    decision = {"granted_amount", "notice_number", "batch_id"}
    assert {frozenset(row.details) for row in rows} == {
        frozenset({"from", "to", "comment", *decision})
    }
    assert {(row.details["to"], row.details["comment"]) for row in rows} == {("rejected", None)}
    async with funding.session() as session:
        events = (
            await session.exec(select(outbox_event).where(outbox_event.c.entity_id.in_(ids)))
        ).all()
    assert sorted(e.entity_id for e in events) == sorted(ids)
    assert {frozenset(e.payload) for e in events} == {
        frozenset({"state", "step", "programme_id", *decision})
    }
    assert all(RP_STUTTGART.id in e.audience for e in events)
