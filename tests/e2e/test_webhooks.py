"""Webhooks through the real stack: workers (`pakt worker`) deliver each service's outbox to a
local receiver, which verifies every delivery with the `standardwebhooks` package (a verifier
no one here wrote). Retries, 410, secret rotation, two workers at once, a killed worker."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import pytest

from services.cli.stack import Stack
from tests.support.stack import demo_token
from tests.support.waiting import eventually
from tests.support.webhooks import (
    FAST_WORKER,
    Receiver,
    open_case,
    subscribe,
)

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]


@pytest.fixture
def client(stack: Stack, workers: list[str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as c:
        yield c


@pytest.fixture(scope="module")
def org_admin(stack: Stack) -> dict[str, str]:
    return {"Authorization": f"Bearer {demo_token(stack, 'orgadmin.goeppingen')}"}


@pytest.fixture(scope="module")
def case_worker(stack: Stack) -> dict[str, str]:
    return {"Authorization": f"Bearer {demo_token(stack, 'cw.goeppingen')}"}


def path() -> str:
    return f"/hook/{uuid.uuid4().hex[:12]}"


def new_user(client: httpx.Client, org_admin: dict[str, str]) -> str:
    me = client.get("/auth/v1/me", headers=org_admin).json()
    body = {
        "username": f"wh-{uuid.uuid4().hex[:10]}",
        "display_name": "Webhook test",
        "organization_id": me["organization"]["id"],
        "roles": ["case_worker"],
        "password": "Lindenallee-17-Fils",
    }
    r = client.post("/auth/v1/users", json=body, headers=org_admin)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def feed(client: httpx.Client, headers: dict[str, str], type_: str) -> set[str]:
    """Entity ids of the auth feed's recent events of `type_`."""
    r = client.get("/auth/v1/events", params={"type": type_, "limit": 500}, headers=headers)
    assert r.status_code == 200, r.text
    return {e["entity_id"] for e in r.json()["items"]}


def send_test(client: httpx.Client, headers: dict[str, str], service: str, sub_id: str) -> None:
    r = client.post(f"/{service}/v1/webhook-subscriptions/{sub_id}/test", headers=headers)
    assert r.status_code == 202, r.text


def events_of(receiver: Receiver, where: str, secret: str) -> list[dict[str, Any]]:
    return [d.verified(secret)["data"] for d in receiver.deliveries(where)]


def attempts(client: httpx.Client, headers: dict[str, str], service: str, sub_id: str) -> Any:
    r = client.get(f"/{service}/v1/webhook-subscriptions/{sub_id}/attempts", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_events_of_all_three_services_arrive_signed(client, receiver, org_admin, case_worker):
    where = {svc: path() for svc in ("auth", "cases", "funding")}
    types = {"auth": ["user.created"], "cases": ["case.opened"], "funding": ["*"]}
    subs = {s: subscribe(client, org_admin, s, receiver.url(where[s]), types[s]) for s in where}
    user_id = new_user(client, org_admin)
    case_id = open_case(client, case_worker)
    send_test(client, org_admin, "funding", subs["funding"]["id"])

    assert eventually(lambda: all(receiver.deliveries(p) for p in where.values()))
    auth_event, case_event = (
        events_of(receiver, where[s], subs[s]["secret"])[0] for s in ("auth", "cases")
    )
    assert (auth_event["type"], auth_event["entity_id"]) == ("user.created", user_id)
    assert (case_event["type"], case_event["entity_id"]) == ("case.opened", case_id)
    assert eventually(lambda: len(receiver.deliveries(where["funding"])) == 2)
    funding = events_of(receiver, where["funding"], subs["funding"]["secret"])
    assert [e["type"] for e in funding] == ["webhook_subscription.created", "webhook.test"]
    assert {e["service"] for e in (auth_event, case_event, funding[0])} == set(where)
    with pytest.raises(Exception, match=r"[Ss]ignature"):
        receiver.deliveries(where["auth"])[0].verified(subs["cases"]["secret"])


def test_failing_twice_then_succeeding_means_three_attempts_with_one_webhook_id(
    client, receiver, org_admin, case_worker
):
    where = path()
    receiver.plans[where] = [500, 503]
    sub = subscribe(client, org_admin, "cases", receiver.url(where), ["case.opened"])
    open_case(client, case_worker)

    assert eventually(lambda: len(receiver.deliveries(where)) == 3)
    got = receiver.deliveries(where)
    assert len({d.webhook_id for d in got}) == 1
    assert all(d.verified(sub["secret"]) for d in got)
    assert eventually(lambda: len(attempts(client, org_admin, "cases", sub["id"])) == 3)
    log = attempts(client, org_admin, "cases", sub["id"])
    assert [a["outcome"] for a in log] == ["delivered", "retrying", "retrying"]
    assert [a["status_code"] for a in log] == [204, 503, 500]
    assert log[1]["next_retry_at"] is not None
    assert {a["webhook_id"] for a in log} == {got[0].webhook_id}


def test_410_gone_disables_the_subscription_and_tells_the_feed(client, receiver, org_admin):
    where = path()
    receiver.plans[where] = [410]
    sub = subscribe(client, org_admin, "auth", receiver.url(where), ["user.created"])
    new_user(client, org_admin)
    one = f"/auth/v1/webhook-subscriptions/{sub['id']}"

    assert eventually(lambda: client.get(one, headers=org_admin).json()["state"] == "disabled")
    assert "410" in client.get(one, headers=org_admin).json()["state_reason"]
    later = new_user(client, org_admin)
    assert eventually(lambda: sub["id"] in feed(client, org_admin, "webhook_subscription.disabled"))
    assert eventually(lambda: later in feed(client, org_admin, "user.created"))
    time.sleep(1)  # settled: an active subscription would have had it by now
    assert len(receiver.deliveries(where)) == 1  # nothing more once disabled


def test_a_rotated_secret_overlaps_with_the_old_one(client, receiver, org_admin):
    where = path()
    sub = subscribe(client, org_admin, "funding", receiver.url(where), ["webhook.test"])
    base = f"/funding/v1/webhook-subscriptions/{sub['id']}"
    rotated = client.post(
        base + "/secret-rotations", json={"overlap_seconds": 3600}, headers=org_admin
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    send_test(client, org_admin, "funding", sub["id"])

    assert eventually(lambda: len(receiver.deliveries(where)) == 1)
    delivery = receiver.deliveries(where)[0]
    assert len(delivery.headers["webhook-signature"].split(" ")) == 2
    assert delivery.verified(sub["secret"]) == delivery.verified(new_secret)

    client.post(base + "/secret-rotations", json={"overlap_seconds": 0}, headers=org_admin)
    newest = client.post(base + "/secret-rotations", json={"overlap_seconds": 0}, headers=org_admin)
    send_test(client, org_admin, "funding", sub["id"])
    assert eventually(lambda: len(receiver.deliveries(where)) == 2)
    last = receiver.deliveries(where)[1]
    assert last.verified(newest.json()["secret"])
    with pytest.raises(Exception, match=r"[Ss]ignature"):
        last.verified(new_secret)


def test_two_workers_deliver_each_event_exactly_once(client, receiver, org_admin, case_worker):
    where = [path() for _ in range(4)]
    for p in where:
        subscribe(client, org_admin, "cases", receiver.url(p), ["case.opened"])
    cases = [open_case(client, case_worker) for _ in range(15)]

    assert eventually(lambda: all(len(receiver.deliveries(p)) >= 15 for p in where), 60)
    for p in where:
        got = receiver.deliveries(p)
        assert Counter(d.webhook_id for d in got).most_common(1)[0][1] == 1
        entity_ids = [json.loads(d.body)["data"]["entity_id"] for d in got]
        assert entity_ids == cases  # per endpoint, in outbox order


def test_a_worker_killed_mid_delivery_loses_nothing(
    stack, client, receiver, org_admin, case_worker
):
    where = path()
    receiver.hang[where] = 30.0  # the first attempt hangs; its worker dies meanwhile
    sub = subscribe(client, org_admin, "cases", receiver.url(where), ["case.opened"])
    case_id = open_case(client, case_worker)
    assert eventually(lambda: len(receiver.deliveries(where)) == 1)

    owner = asyncio.run(_lease_owner(stack.database_urls["cases"], sub["id"]))
    victim = next(
        name for name, p in stack.processes.items()
        if p.process is not None and owner.split(":")[1] == str(p.process.pid)
    )  # fmt: skip
    os.kill(int(owner.split(":")[1]), signal.SIGKILL)

    assert eventually(lambda: len(receiver.deliveries(where)) == 2)
    first, second = receiver.deliveries(where)
    assert first.webhook_id == second.webhook_id
    assert second.verified(sub["secret"])["data"]["entity_id"] == case_id
    stack.processes.pop(victim).stop()
    stack.start_worker("cases", victim, FAST_WORKER)


async def _lease_owner(url: str, sub_id: str) -> str:
    conn = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        sql = "SELECT lease_owner FROM webhook_subscription WHERE id = $1"
        return str(await conn.fetchval(sql, uuid.UUID(sub_id)))
    finally:
        await conn.close()


def test_redelivery_sends_an_event_again_with_its_webhook_id(client, receiver, org_admin):
    where = path()
    sub = subscribe(client, org_admin, "auth", receiver.url(where), ["user.created"])
    new_user(client, org_admin)
    assert eventually(lambda: len(receiver.deliveries(where)) == 1)
    event_id = json.loads(receiver.deliveries(where)[0].body)["data"]["id"]

    def logged() -> bool:  # the attempt is logged once the answer is in
        return [a["outcome"] for a in attempts(client, org_admin, "auth", sub["id"])] == [
            "delivered"
        ]

    assert eventually(logged)
    r = client.post(
        f"/auth/v1/webhook-subscriptions/{sub['id']}/redeliveries",
        json={"event_id": event_id},
        headers=org_admin,
    )
    assert r.status_code == 202, r.text
    assert r.json() == {"queued": 1}
    assert eventually(lambda: len(receiver.deliveries(where)) == 2)
    first, again = receiver.deliveries(where)
    assert first.webhook_id == again.webhook_id


def test_endpoints_must_be_https_unless_loopback_in_development(client, org_admin, case_worker):
    body = {"url": "http://example.org/hook", "event_types": ["case.opened"]}
    r = client.post("/cases/v1/webhook-subscriptions", json=body, headers=org_admin)
    assert r.status_code == 422
    assert r.json()["type"].endswith("/webhook-endpoint-refused")
    r = client.post("/cases/v1/webhook-subscriptions", json=body, headers=case_worker)
    assert r.status_code == 403


def test_an_event_failing_for_the_whole_schedule_pauses_the_subscription_until_resumed(
    client, receiver, org_admin, case_worker
):
    where = path()
    receiver.plans[where] = [500, 500, 500, 500]  # FAST_WORKER: 3 retries after the first try
    sub = subscribe(client, org_admin, "cases", receiver.url(where), ["case.opened"])
    one = f"/cases/v1/webhook-subscriptions/{sub['id']}"
    given_up = open_case(client, case_worker)

    assert eventually(lambda: client.get(one, headers=org_admin).json()["state"] == "paused")
    read = client.get(one, headers=org_admin)
    assert "4 failed attempts" in read.json()["state_reason"]
    log = attempts(client, org_admin, "cases", sub["id"])
    assert [a["outcome"] for a in log] == ["given_up", "retrying", "retrying", "retrying"]
    paused_feed = "/cases/v1/events?type=webhook_subscription.paused&limit=500"
    assert eventually(
        lambda: (
            sub["id"]
            in {e["entity_id"] for e in client.get(paused_feed, headers=org_admin).json()["items"]}
        )
    )

    waiting = open_case(client, case_worker)  # queues while paused, follows on resume
    resumed = client.patch(
        one, json={"state": "active"}, headers={**org_admin, "If-Match": read.headers["etag"]}
    )
    assert resumed.status_code == 200, resumed.text
    assert eventually(lambda: len(receiver.deliveries(where)) == 5)
    last = receiver.deliveries(where)[-1].verified(sub["secret"])["data"]
    assert last["entity_id"] == waiting != given_up


def test_a_paused_subscription_holds_events_and_a_deleted_one_is_gone(
    client, receiver, org_admin, case_worker
):
    where = path()
    sub = subscribe(client, org_admin, "cases", receiver.url(where), ["case.opened"])
    one = f"/cases/v1/webhook-subscriptions/{sub['id']}"
    etag = client.get(one, headers=org_admin).headers["etag"]
    assert client.patch(one, json={"state": "paused"}, headers=org_admin).status_code == 428
    paused = client.patch(one, json={"state": "paused"}, headers={**org_admin, "If-Match": etag})
    assert paused.status_code == 200, paused.text
    cases = [open_case(client, case_worker) for _ in range(3)]
    time.sleep(2)
    assert receiver.deliveries(where) == []

    active = {**org_admin, "If-Match": paused.headers["etag"]}
    assert client.patch(one, json={"state": "active"}, headers=active).status_code == 200
    assert eventually(lambda: len(receiver.deliveries(where)) == 3)
    assert [json.loads(d.body)["data"]["entity_id"] for d in receiver.deliveries(where)] == cases

    etag = client.get(one, headers=org_admin).headers["etag"]
    assert client.delete(one, headers={**org_admin, "If-Match": etag}).status_code == 204
    assert client.get(one, headers=org_admin).status_code == 404
    listed = client.get("/cases/v1/webhook-subscriptions?limit=100", headers=org_admin).json()
    assert sub["id"] not in {s["id"] for s in listed["items"]}
