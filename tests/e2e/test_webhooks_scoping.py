"""Webhook scoping through the real stack: each organization's subscriptions carry exactly the
events its events feed shows it (the one rule, `AudienceRule`), never another organization's;
only org_admins and API clients holding `webhooks:manage` manage subscriptions."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from services.cli.stack import Stack
from services.common.orgs import org_id_for_ags, org_id_for_slug
from tests.support.stack import demo_token
from tests.support.waiting import eventually
from tests.support.webhooks import Receiver, open_case, subscribe

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]

SERVICES = ("auth", "cases", "funding")
ORGS = {
    "goeppingen": org_id_for_ags("08117019"),
    "stuttgart": org_id_for_ags("08111000"),
    "caritas": org_id_for_slug("caritas-fils-neckar-alb"),
}
PASSWORD = "Lindenallee-17-Fils"
NOT_MANAGERS = (
    "cw.goeppingen",
    "privacy.goeppingen",
    "applicant.goeppingen",
    "reviewer.goeppingen",
    "approver.stuttgart",
    "analyst.ministry",
    "admin",
)


@pytest.fixture
def client(stack: Stack, workers: list[str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as c:
        yield c


def bearer(stack: Stack, username: str, password: str | None = None) -> dict[str, str]:
    token = demo_token(stack, username, *([password] if password else []))
    return {"Authorization": f"Bearer {token}"}


def org_admin_of(stack: Stack, client: httpx.Client, org: str) -> dict[str, str]:
    """A fresh org_admin of `org`, made by the platform admin."""
    username = f"oa-{uuid.uuid4().hex[:10]}"
    body = {
        "username": username,
        "display_name": "Webhook admin",
        "organization_id": ORGS[org],
        "roles": ["org_admin"],
        "password": PASSWORD,
    }
    r = client.post("/auth/v1/users", json=body, headers=bearer(stack, "admin"))
    assert r.status_code == 201, r.text
    return bearer(stack, username, PASSWORD)


def feed_end(client: httpx.Client, headers: dict[str, str], service: str) -> str | None:
    cursor: str | None = None
    while True:
        page = read_feed(client, headers, service, cursor)
        cursor = page["next_cursor"]
        if not page["items"]:
            return cursor


def read_feed(
    client: httpx.Client, headers: dict[str, str], service: str, cursor: str | None
) -> Any:
    params: dict[str, str | int] = {"limit": 500}
    if cursor:
        params["cursor"] = cursor
    r = client.get(f"/{service}/v1/events", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def feed_ids(
    client: httpx.Client, headers: dict[str, str], service: str, cursor: str | None
) -> set[int]:
    ids: set[int] = set()
    while items := (page := read_feed(client, headers, service, cursor))["items"]:
        ids |= {e["id"] for e in items}
        cursor = page["next_cursor"]
    return ids


def feed_entities(client: httpx.Client, headers: dict[str, str], cursor: str | None) -> set[str]:
    entities: set[str] = set()
    while items := (page := read_feed(client, headers, "cases", cursor))["items"]:
        entities |= {e["entity_id"] for e in items}
        cursor = page["next_cursor"]
    return entities


def entities(receiver: Receiver, where: str) -> set[str]:
    return {json.loads(d.body)["data"]["entity_id"] for d in receiver.deliveries(where)}


def received(receiver: Receiver, where: str, secret: str) -> set[int]:
    return {d.verified(secret)["data"]["id"] for d in receiver.deliveries(where)}


def test_each_organization_receives_exactly_what_its_feed_shows(stack, client, receiver):
    admins = {
        "goeppingen": bearer(stack, "orgadmin.goeppingen"),
        "stuttgart": org_admin_of(stack, client, "stuttgart"),
        "caritas": org_admin_of(stack, client, "caritas"),
    }
    subs: dict[tuple[str, str], tuple[str, dict[str, Any], str | None]] = {}
    for org, headers in admins.items():
        for service in SERVICES:
            cursor = feed_end(client, headers, service)
            where = f"/scope/{org}/{service}/{uuid.uuid4().hex[:6]}"
            subs[org, service] = (
                where,
                subscribe(client, headers, service, receiver.url(where), ["*"]),
                cursor,
            )

    # events across roles and organizations
    goeppingen_case = open_case(client, bearer(stack, "cw.goeppingen"))
    caritas_case = open_case(client, bearer(stack, "cw.caritas"))
    for org, headers in admins.items():
        me = client.get("/auth/v1/me", headers=headers).json()["organization"]["id"]
        user = {"username": f"u-{uuid.uuid4().hex[:10]}", "display_name": "Scoped",
                "organization_id": me, "roles": ["case_worker"], "password": PASSWORD}  # fmt: skip
        assert client.post("/auth/v1/users", json=user, headers=headers).status_code == 201
        for service in SERVICES:
            sub_id = subs[org, service][1]["id"]
            test = client.post(
                f"/{service}/v1/webhook-subscriptions/{sub_id}/test", headers=headers
            )
            assert test.status_code == 202

    goeppingen_feed = subs["goeppingen", "cases"][2]
    assert eventually(  # the feed shows the events once their transactions are settled
        lambda: (
            {goeppingen_case, caritas_case}
            <= feed_entities(client, admins["goeppingen"], goeppingen_feed)
            | feed_entities(client, admins["caritas"], subs["caritas", "cases"][2])
        )
    )
    for (org, service), (where, sub, cursor) in subs.items():
        expected = feed_ids(client, admins[org], service, cursor)
        assert eventually(lambda: received(receiver, where, sub["secret"]) >= expected)  # noqa: B023
        # nothing the feed does not show (read again: it may have grown meanwhile)
        assert received(receiver, where, sub["secret"]) <= feed_ids(
            client, admins[org], service, cursor
        ), (org, service)
    case_events = {org: entities(receiver, subs[org, "cases"][0]) for org in ORGS}
    assert goeppingen_case in case_events["goeppingen"]
    assert caritas_case in case_events["caritas"]
    assert goeppingen_case not in case_events["caritas"] | case_events["stuttgart"]
    assert caritas_case not in case_events["goeppingen"] | case_events["stuttgart"]


@pytest.mark.parametrize("username", NOT_MANAGERS)
def test_only_org_admins_and_webhook_clients_manage_subscriptions(stack, client, username):
    body = {"url": "https://hooks.example.org/pakt", "event_types": ["*"]}
    headers = bearer(stack, username)
    for service in SERVICES:
        assert (
            client.post(
                f"/{service}/v1/webhook-subscriptions", json=body, headers=headers
            ).status_code
            == 403
        )
        assert (
            client.get(f"/{service}/v1/webhook-subscriptions", headers=headers).status_code == 403
        )


def test_an_api_client_with_the_webhook_scope_manages_its_organizations(stack, client):
    admin = bearer(stack, "orgadmin.goeppingen")
    tokens = {}
    for scopes in (["webhooks:manage"], ["cases"]):
        body = {"client_id": f"wh-{uuid.uuid4().hex[:10]}", "name": "Webhook client",
                "organization_id": ORGS["goeppingen"], "roles": [], "scopes": scopes}  # fmt: skip
        made = client.post("/auth/v1/clients", json=body, headers=admin)
        assert made.status_code == 201, made.text
        auth = (body["client_id"], made.json()["client_secret"])
        issued = client.post("/auth/v1/token", data={"grant_type": "client_credentials"}, auth=auth)
        assert issued.status_code == 200, issued.text
        tokens[scopes[0]] = {"Authorization": f"Bearer {issued.json()['access_token']}"}
    hook = {"url": "https://hooks.example.org/pakt", "event_types": ["case.opened"]}
    made = client.post(
        "/cases/v1/webhook-subscriptions", json=hook, headers=tokens["webhooks:manage"]
    )
    assert made.status_code == 201, made.text
    one = f"/cases/v1/webhook-subscriptions/{made.json()['id']}"
    assert client.get(one, headers=admin).status_code == 200  # the organization's, not the client's
    assert (
        client.get(one, headers=bearer(stack, "orgadmin.goeppingen")).json()["url"] == hook["url"]
    )
    assert (
        client.post(
            "/cases/v1/webhook-subscriptions", json=hook, headers=tokens["cases"]
        ).status_code
        == 403
    )
    other = org_admin_of(stack, client, "stuttgart")
    assert client.get(one, headers=other).status_code == 404
