"""Immediate revocation on auth's side: the list it publishes, who may read it, and its own
refusals (`/me`, introspection) the moment an account is deactivated or a login ended.

The cross-service behaviour (cases and funding refusing within seconds) is tested through
the real stack in tests/e2e/test_revocation.py.
"""

from __future__ import annotations

import time

import httpx
import pytest
from jose import jwt as jose_jwt
from sqlalchemy import insert

from services.auth.models import token_revocation
from services.cases.app import create_app as cases_app
from services.cases.settings import CasesSettings
from services.common.app import remote_revocations
from services.common.auth import Principal, is_revoked
from services.common.pagination import Page
from services.common.revocation import (
    HttpRevocations,
    Kind,
    Revocation,
    RevocationFollower,
    RevocationList,
)
from services.common.sql import run
from tests.auth.conftest import basic, bearer, client_secret, client_token, login
from tests.support.apps import ServiceUnderTest

PROBLEM = "application/problem+json"


async def user_id(
    auth: ServiceUnderTest, headers: dict[str, str], username: str
) -> tuple[str, str]:
    r = await auth.client.get("/auth/v1/users", params={"limit": 100}, headers=headers)
    user = next(u for u in r.json()["items"] if u["username"] == username)
    etag = (await auth.client.get(f"/auth/v1/users/{user['id']}", headers=headers)).headers["etag"]
    return str(user["id"]), etag


async def set_user_active(auth: ServiceUnderTest, username: str, active: bool) -> str:
    admin = await bearer(auth.client, "orgadmin.goeppingen")
    uid, etag = await user_id(auth, admin, username)
    r = await auth.client.patch(
        f"/auth/v1/users/{uid}", json={"active": active}, headers={**admin, "If-Match": etag}
    )
    assert r.status_code == 200, r.text
    return uid


async def revocations(
    auth: ServiceUnderTest, cursor: str | None = None, limit: int = 100
) -> httpx.Response:
    token = (await client_token(auth.client, "pakt-cases")).json()["access_token"]
    params = {"limit": str(limit), **({"cursor": cursor} if cursor else {})}
    return await auth.client.get(
        "/auth/v1/revocations", params=params, headers={"Authorization": f"Bearer {token}"}
    )


def follower_of(auth: ServiceUnderTest) -> tuple[RevocationFollower, httpx.AsyncClient]:
    """A follower reading this in-process auth app, as cases or funding do over HTTP."""
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=auth.app), base_url="http://auth")
    source = HttpRevocations(lambda: http, "http://auth", "pakt-cases", client_secret("pakt-cases"))
    return RevocationFollower(source, interval=0.1), http


async def test_deactivating_a_user_refuses_its_token_on_me_and_introspection_at_once(auth):
    token = (await login(auth.client, "cw.goeppingen")).json()["access_token"]
    me = {"Authorization": f"Bearer {token}"}
    assert (await auth.client.get("/auth/v1/me", headers=me)).status_code == 200

    await set_user_active(auth, "cw.goeppingen", active=False)

    r = await auth.client.get("/auth/v1/me", headers=me)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith(PROBLEM)
    assert 'error="invalid_token"' in r.headers["www-authenticate"]
    seen = await auth.client.post(
        "/auth/v1/introspect",
        data={"token": token},
        headers=basic("kommunal-it-goeppingen", client_secret("kommunal-it-goeppingen")),
    )
    assert seen.json() == {"active": False}


async def test_revoking_a_refresh_token_refuses_the_access_token_of_that_login(auth):
    tokens = (await login(auth.client, "cw.goeppingen")).json()
    other = (await login(auth.client, "cw.goeppingen")).json()
    me = {"Authorization": f"Bearer {tokens['access_token']}"}

    r = await auth.client.post("/auth/v1/revoke", data={"token": tokens["refresh_token"]})
    assert r.status_code == 200

    assert (await auth.client.get("/auth/v1/me", headers=me)).status_code == 401
    kept = {"Authorization": f"Bearer {other['access_token']}"}
    assert (await auth.client.get("/auth/v1/me", headers=kept)).status_code == 200


async def test_the_list_names_deactivated_users_and_ended_logins_page_by_page(auth):
    tokens = (await login(auth.client, "applicant.goeppingen")).json()
    uid = await set_user_active(auth, "cw.goeppingen", active=False)
    await auth.client.post("/auth/v1/revoke", data={"token": tokens["refresh_token"]})

    first = await revocations(auth, limit=1)
    second = await revocations(auth, cursor=first.json()["next_cursor"], limit=1)

    assert first.status_code == second.status_code == 200, first.text
    items = first.json()["items"] + second.json()["items"]
    assert {(i["kind"], i["id"]) for i in items} >= {
        ("user", uid),
        ("session", tokens_sid(tokens["access_token"])),
    }
    for item in items:
        assert item["expires_at"] - item["revoked_at"] == 900 + 30  # lifetime plus leeway
        assert abs(item["revoked_at"] - time.time()) < 300


def tokens_sid(access_token: str) -> str:
    return str(jose_jwt.get_unverified_claims(access_token)["sid"])


async def test_the_list_holds_only_what_can_still_hit_an_unexpired_token(auth):
    async with auth.session() as session:
        old = int(time.time()) - 7200
        await run(
            session,
            insert(token_revocation).values(kind="user", subject="old-one", revoked_at=old),
        )
        await session.commit()
    uid = await set_user_active(auth, "cw.goeppingen", active=False)

    ids = [i["id"] for i in (await revocations(auth, limit=1000)).json()["items"]]

    assert uid in ids
    assert "old-one" not in ids


@pytest.mark.parametrize("who", ["user", "client without the scope", "nobody"])
async def test_only_clients_with_the_scope_read_the_list(auth, who):
    if who == "user":
        headers = await bearer(auth.client, "admin")
    elif who == "nobody":
        headers = {}
    else:
        token = (await client_token(auth.client, "kommunal-it-goeppingen")).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

    r = await auth.client.get("/auth/v1/revocations", headers=headers)

    assert r.status_code == (401 if who == "nobody" else 403)
    assert r.headers["content-type"].startswith(PROBLEM)


async def test_a_follower_learns_of_a_deactivation_and_refuses_older_tokens_only(auth):
    follower, http = follower_of(auth)
    async with http:
        await follower.poll()
        token = (await login(auth.client, "cw.goeppingen")).json()["access_token"]
        key = await auth.app.state.verifier.verify(token)
        assert isinstance(key, Principal)
        assert not is_revoked(follower.revocations, key)

        await set_user_active(auth, "cw.goeppingen", active=False)
        await follower.poll()

        assert is_revoked(follower.revocations, key)
        later = int(time.time()) + 1  # a token issued after the deactivation's second
        assert not follower.revocations.revoked("user", key.subject, None, later)


async def test_a_follower_keeps_its_list_while_auth_is_unreachable_and_catches_up():
    def entry(kind: Kind, id_: str, at: int) -> Revocation:
        return Revocation(kind=kind, id=id_, revoked_at=at, expires_at=2**40)

    pages: list[Page[Revocation] | Exception] = [
        Page[Revocation](items=[entry("user", "u1", 100)], next_cursor="p2"),
        Page[Revocation](items=[entry("session", "s1", 150)], next_cursor=None),
        httpx.ConnectError("auth is down"),
        Page[Revocation](items=[entry("client", "c1", 200)], next_cursor=None),
    ]
    cursors: list[str | None] = []

    async def source(cursor: str | None) -> Page[Revocation]:
        cursors.append(cursor)
        outcome = pages.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    follower = RevocationFollower(source, interval=0.01)
    assert await follower.poll_logged()  # two pages
    assert not await follower.poll_logged()  # logged, list kept
    assert follower.revocations.loaded
    assert follower.revocations.revoked("user", "u1", None, 100)
    assert follower.revocations.revoked("client", "x", "s1", 150)
    assert await follower.poll_logged()
    assert follower.revocations.revoked("client", "c1", None, 200)
    assert follower.revocations.revoked("user", "u1", None, 100)  # merged, not replaced
    assert cursors == [None, "p2", None, None]  # every poll reads the whole list


async def test_start_up_waits_for_the_first_list_and_gives_up_after_its_bound():
    async def down(cursor: str | None) -> Page[Revocation]:
        raise httpx.ConnectError("auth is down")

    follower = RevocationFollower(down, interval=0.01)
    with pytest.raises(RuntimeError, match="revocation list"):
        async with follower.running(within=0.2):
            pass  # pragma: no cover - never reached
    assert not follower.revocations.loaded


def test_entries_refuse_tokens_issued_up_to_the_revocation_and_expire():
    revoked = RevocationList()
    revoked.add(
        [
            Revocation(kind="user", id="u", revoked_at=1000, expires_at=1930),
            Revocation(kind="session", id="s", revoked_at=1500, expires_at=2430),
        ]
    )
    assert revoked.revoked("user", "u", None, 1000)
    assert not revoked.revoked("user", "u", None, 1001)
    assert not revoked.revoked("client", "u", None, 900)  # kinds do not mix
    assert revoked.revoked("user", "other", "s", 1400)
    revoked.prune(now=2000)
    assert len(revoked) == 1
    assert not revoked.revoked("user", "u", None, 900)


def test_outside_development_a_service_without_its_client_secret_does_not_start():
    settings = CasesSettings(environment="production")
    app = cases_app(settings=settings)

    with pytest.raises(RuntimeError, match="CASES_CLIENT_SECRET"):
        remote_revocations(app, "cases", settings)
