"""Immediate revocation through the real stack: deactivating a user or an API client, or
revoking a login, makes its access tokens fail in auth, cases and funding within seconds.

Every service follows auth's revocation list in memory (services/common/revocation.py); no
call to auth per request. Times are only bounded generously ("within N seconds").
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from services.cli.stack import Stack
from tests.support.stack import demo_token
from tests.support.waiting import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]

WITHIN = 10.0  # seconds: generous, the services poll every 2 s
# asked five times a second: three probes each stay under the gateway's rate limit
POLL = {"within": WITHIN, "every": 0.2}
PASSWORD = "Lindenallee-17-Fils"
PROBES = {  # one read per service that the new accounts may make
    "auth": "/auth/v1/me",
    "cases": "/cases/v1/cases",
    "funding": "/funding/v1/programmes",
}


@pytest.fixture
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=10) as c:
        yield c


@pytest.fixture
def org_admin(stack: Stack) -> dict[str, str]:
    return {"Authorization": f"Bearer {demo_token(stack, 'orgadmin.goeppingen')}"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def statuses(client: httpx.Client, token: str) -> dict[str, int]:
    return {
        svc: client.get(path, headers=bearer(token)).status_code for svc, path in PROBES.items()
    }


def assert_refused_everywhere(client: httpx.Client, token: str) -> None:
    assert eventually(lambda: set(statuses(client, token).values()) == {401}, **POLL), statuses(
        client, token
    )
    for path in PROBES.values():
        r = client.get(path, headers=bearer(token))
        assert r.headers["content-type"].startswith("application/problem+json")
        assert 'error="invalid_token"' in r.headers["www-authenticate"]
        assert "revoked" in r.json()["detail"]


def my_org(client: httpx.Client, headers: dict[str, str]) -> str:
    me = client.get("/auth/v1/me", headers=headers)
    assert me.status_code == 200, me.text
    return str(me.json()["organization"]["id"])


def new_user(client: httpx.Client, admin: dict[str, str]) -> dict[str, str]:
    body = {
        "username": f"rv-{uuid.uuid4().hex[:10]}",
        "display_name": "Revocation test",
        "organization_id": my_org(client, admin),
        "roles": ["case_worker"],
        "password": PASSWORD,
    }
    r = client.post("/auth/v1/users", json=body, headers=admin)
    assert r.status_code == 201, r.text
    return {"id": r.json()["id"], "username": body["username"], "etag": r.headers["etag"]}


def login(client: httpx.Client, username: str) -> dict[str, str]:
    data = {"grant_type": "password", "username": username, "password": PASSWORD}
    r = client.post("/auth/v1/token", data=data)
    assert r.status_code == 200, r.text
    return dict(r.json())


def set_active(
    client: httpx.Client, admin: dict[str, str], path: str, etag: str, active: bool
) -> str:
    r = client.patch(path, json={"active": active}, headers={**admin, "If-Match": etag})
    assert r.status_code == 200, r.text
    return r.headers["etag"]


def test_a_deactivated_users_token_fails_everywhere_and_a_new_one_works_after_reactivation(
    client, org_admin
):
    user = new_user(client, org_admin)
    old = login(client, user["username"])["access_token"]
    assert statuses(client, old) == {"auth": 200, "cases": 200, "funding": 200}

    path = f"/auth/v1/users/{user['id']}"
    etag = set_active(client, org_admin, path, user["etag"], active=False)

    assert_refused_everywhere(client, old)
    data = {"grant_type": "password", "username": user["username"], "password": PASSWORD}
    assert client.post("/auth/v1/token", data=data).status_code == 400  # no new tokens either

    set_active(client, org_admin, path, etag, active=True)
    time.sleep(1.1)  # `iat` has whole seconds: a token of the deactivation's second stays refused
    new = login(client, user["username"])["access_token"]
    assert eventually(lambda: set(statuses(client, new).values()) == {200}, **POLL), statuses(
        client, new
    )
    assert set(statuses(client, old).values()) == {401}  # issued before: still revoked


def test_a_deactivated_api_clients_token_fails_everywhere(client, org_admin):
    body = {
        "client_id": f"rv-{uuid.uuid4().hex[:10]}",
        "name": "Revocation test client",
        "organization_id": my_org(client, org_admin),
        "roles": ["case_worker"],
        "scopes": ["cases", "funding"],
    }
    created = client.post("/auth/v1/clients", json=body, headers=org_admin)
    assert created.status_code == 201, created.text
    secret = created.json()["client_secret"]
    auth = (body["client_id"], secret)
    issued = client.post("/auth/v1/token", data={"grant_type": "client_credentials"}, auth=auth)
    assert issued.status_code == 200, issued.text
    token = issued.json()["access_token"]
    assert statuses(client, token) == {"auth": 200, "cases": 200, "funding": 200}

    path = f"/auth/v1/clients/{created.json()['id']}"
    set_active(client, org_admin, path, created.headers["etag"], active=False)

    assert_refused_everywhere(client, token)
    again = client.post("/auth/v1/token", data={"grant_type": "client_credentials"}, auth=auth)
    assert again.status_code == 401  # no new tokens either


def test_revoking_a_refresh_token_ends_the_access_tokens_of_that_login_only(client, org_admin):
    user = new_user(client, org_admin)
    ended = login(client, user["username"])
    kept = login(client, user["username"])
    assert statuses(client, ended["access_token"])["cases"] == 200

    r = client.post("/auth/v1/revoke", data={"token": ended["refresh_token"]})
    assert r.status_code == 200

    assert_refused_everywhere(client, ended["access_token"])
    assert set(statuses(client, kept["access_token"]).values()) == {200}


def test_while_auth_is_down_services_keep_their_list_and_keep_serving(stack, client, org_admin):
    user = new_user(client, org_admin)
    revoked = login(client, user["username"])["access_token"]
    valid = demo_token(stack, "cw.goeppingen")
    set_active(client, org_admin, f"/auth/v1/users/{user['id']}", user["etag"], active=False)
    # both followers must have the revocation before auth goes away (they poll independently)
    assert eventually(
        lambda: (s := statuses(client, revoked))["cases"] == 401 and s["funding"] == 401, **POLL
    )

    stack.stop_service("auth")
    try:
        time.sleep(3)  # a few polls fail meanwhile (logged, list kept)
        for path in (PROBES["cases"], PROBES["funding"]):
            assert client.get(path, headers=bearer(valid)).status_code == 200
            assert client.get(path, headers=bearer(revoked)).status_code == 401
    finally:
        stack.start_service("auth")
    log = stack.processes["cases"].log_path
    assert "revocations_fetch_failed" in log.read_text(errors="replace")
    assert eventually(
        lambda: "revocations_fetch_recovered" in log.read_text(errors="replace"), **POLL
    )
