"""The token endpoint: every grant, client authentication, refresh rotation and reuse detection."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import text

from services.auth.seed import DEMO_USERS
from services.common import jwt
from services.common.auth import Principal
from services.common.orgs import user_id_for_username
from tests.auth.conftest import (
    GOEPPINGEN,
    RP_STUTTGART,
    basic,
    bearer,
    client_secret,
    client_token,
    login,
)

PROBLEM = "application/problem+json"


async def claims_of(auth, token: str) -> dict[str, Any]:
    """Claims as any service verifies them: through the auth app's own verifier."""
    principal: Principal = await auth.app.state.verifier.verify(token)
    return principal.claims


async def test_every_demo_user_logs_in_with_claims_per_conventions(auth):
    for demo in DEMO_USERS:
        r = await login(auth.client, demo.username)
        assert r.status_code == 200, (demo.username, r.text)
        body = r.json()
        assert body["token_type"] == "Bearer"
        assert body["expires_in"] == 900
        assert body["refresh_token"]
        assert r.headers["cache-control"] == "no-store"
        claims = await claims_of(auth, body["access_token"])
        assert claims["sub_type"] == "user"
        assert claims["roles"] == [demo.role]
        assert claims["name"] == demo.username  # the login, never a display name
        # deterministic, so demo data in other services (e.g. assigned cases) can name them
        assert claims["sub"] == user_id_for_username(demo.username)
        assert claims["aud"] == "pakt-api"
        assert claims["iss"] == "http://127.0.0.1:8080/auth"
        assert claims["exp"] - claims["iat"] == 900
        assert {"sub", "org", "org_kind", "org_path", "scope", "jti", "name"} <= set(claims)


async def test_password_token_carries_org_path_and_kid(auth):
    r = await login(auth.client, "cw.goeppingen")
    token = r.json()["access_token"]
    claims = await claims_of(auth, token)
    assert claims["org"] == GOEPPINGEN
    assert claims["org_kind"] == "municipality"
    assert claims["org_path"] == ["08", "081", "08117", "08117019"]
    assert claims["scope"] == "openid profile offline_access"
    kid = jwt.header_kid(token)
    jwks = (await auth.client.get("/auth/.well-known/jwks.json")).json()
    assert kid in {k["kid"] for k in jwks["keys"]}
    charity = await claims_of(auth, (await login(auth.client, "cw.caritas")).json()["access_token"])
    assert charity["org_kind"] == "provider"
    assert charity["org_path"] == ["08", "081", "08117"]  # a charity carries its parent's path


async def test_wrong_password_and_unknown_user_look_the_same(auth):
    wrong = await login(auth.client, "cw.goeppingen", "not-the-password-1")
    unknown = await login(auth.client, "nobody.anywhere", "not-the-password-1")
    for r in (wrong, unknown):
        assert r.status_code == 400
        assert r.headers["content-type"] == PROBLEM
    assert {**wrong.json(), "request_id": None} == {**unknown.json(), "request_id": None}
    assert wrong.json()["error"] == "invalid_grant"


async def test_username_is_case_insensitive(auth):
    r = await login(auth.client, "CW.Goeppingen")
    assert r.status_code == 200


async def test_client_credentials_with_basic_and_with_form_fields(auth):
    r = await client_token(auth.client, "batch-rp-stuttgart")
    assert r.status_code == 200, r.text
    body = r.json()
    assert "refresh_token" not in body or body["refresh_token"] is None
    claims = await claims_of(auth, body["access_token"])
    assert claims["sub"] == "batch-rp-stuttgart"
    assert claims["sub_type"] == "client"
    assert claims["org"] == RP_STUTTGART
    assert claims["org_path"] == ["08", "081"]
    assert claims["roles"] == ["approver"]
    assert claims["scope"] == "funding"
    form = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "kommunal-it-goeppingen",
            "client_secret": client_secret("kommunal-it-goeppingen"),
            "scope": "cases",
        },
    )
    assert form.status_code == 200, form.text
    claims = await claims_of(auth, form.json()["access_token"])
    assert claims["roles"] == ["applicant", "case_worker"]
    assert claims["scope"] == "cases"


async def test_client_authentication_failures(auth):
    wrong = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials"},
        headers=basic("batch-rp-stuttgart", "nope"),
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    assert wrong.headers["www-authenticate"].startswith("Basic")
    unknown = await auth.client.post(
        "/auth/v1/token", data={"grant_type": "client_credentials"}, headers=basic("ghost", "nope")
    )
    assert unknown.json() | {"request_id": None} == wrong.json() | {"request_id": None}
    anonymous = await auth.client.post("/auth/v1/token", data={"grant_type": "client_credentials"})
    assert anonymous.status_code == 401
    both = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials", "client_secret": "x"},
        headers=basic("batch-rp-stuttgart", client_secret("batch-rp-stuttgart")),
    )
    assert both.status_code == 400
    assert both.json()["error"] == "invalid_request"


async def test_bad_requests_carry_oauth_errors(auth):
    cases = [
        ({}, "invalid_request"),
        ({"grant_type": "implicit"}, "unsupported_grant_type"),
        ({"grant_type": "authorization_code", "client_id": "pakt-docs"}, "invalid_request"),
        ({"grant_type": "password", "username": "cw.goeppingen"}, "invalid_request"),
        ({"grant_type": "refresh_token"}, "invalid_request"),
        ({"grant_type": "refresh_token", "refresh_token": "made-up"}, "invalid_grant"),
        (
            {
                "grant_type": "password",
                "username": "cw.goeppingen",
                "password": "pakt-demo-2026",
                "scope": "admin",
            },
            "invalid_scope",
        ),
    ]
    for form, error in cases:
        r = await auth.client.post("/auth/v1/token", data=form)
        assert r.status_code == 400, (form, r.text)
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["error"] == error
        assert r.json()["error_description"]


async def test_client_scope_cannot_exceed_registration(auth):
    r = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials", "scope": "cases"},
        headers=basic("batch-rp-stuttgart", client_secret("batch-rp-stuttgart")),
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_scope"


async def test_refresh_rotates_and_reuse_revokes_the_family(auth):
    first = (await login(auth.client, "applicant.goeppingen")).json()

    async def refresh(token: str) -> httpx.Response:
        form = {"grant_type": "refresh_token", "refresh_token": token}
        response: httpx.Response = await auth.client.post("/auth/v1/token", data=form)
        return response

    second = await refresh(first["refresh_token"])
    assert second.status_code == 200, second.text
    second_body = second.json()
    assert second_body["refresh_token"] != first["refresh_token"]
    claims = await claims_of(auth, second_body["access_token"])
    assert claims["roles"] == ["applicant"]
    third = await refresh(second_body["refresh_token"])
    assert third.status_code == 200
    # the first token is replayed (stolen?): refused, and the whole family dies
    replay = await refresh(first["refresh_token"])
    assert replay.status_code == 400
    assert replay.json()["error"] == "invalid_grant"
    latest = await refresh(third.json()["refresh_token"])
    assert latest.status_code == 400
    assert latest.json()["error"] == "invalid_grant"
    # another login of the same user is a different family and still works
    other = (await login(auth.client, "applicant.goeppingen")).json()
    assert (await refresh(other["refresh_token"])).status_code == 200


async def test_refresh_may_narrow_the_scope(auth):
    first = (await login(auth.client, "cw.goeppingen")).json()
    r = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "scope": "openid",
        },
    )
    assert r.status_code == 200
    assert r.json()["scope"] == "openid"
    wider = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": r.json()["refresh_token"],
            "scope": "openid profile",
        },
    )
    assert wider.json()["error"] == "invalid_scope"


async def test_me_describes_user_and_client(auth):
    me = await auth.client.get(
        "/auth/v1/me", headers=await bearer(auth.client, "orgadmin.goeppingen")
    )
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["username"] == "orgadmin.goeppingen"
    assert body["sub_type"] == "user"
    assert body["roles"] == ["org_admin"]
    assert body["organization"]["name"] == "Göppingen"
    assert body["organization"]["ags"] == "08117019"
    token = (await client_token(auth.client, "kommunal-it-goeppingen")).json()["access_token"]
    me = await auth.client.get("/auth/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["sub_type"] == "client"
    assert me.json()["username"] is None
    assert me.json()["organization"]["id"] == GOEPPINGEN
    assert (await auth.client.get("/auth/v1/me")).status_code == 401


async def test_discovery_documents(auth):
    config = (await auth.client.get("/auth/.well-known/openid-configuration")).json()
    assert config["issuer"] == "http://127.0.0.1:8080/auth"
    assert config["token_endpoint"] == "http://127.0.0.1:8080/auth/v1/token"
    assert config["jwks_uri"] == "http://127.0.0.1:8080/auth/.well-known/jwks.json"
    assert "client_credentials" in config["grant_types_supported"]
    jwks = (await auth.client.get("/auth/.well-known/jwks.json")).json()
    assert jwks["keys"]
    for key in jwks["keys"]:
        assert key["kty"] == "RSA"
        assert key["alg"] == "RS256"
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)  # never a private member


async def test_concurrent_use_of_one_refresh_token_lets_only_one_through(make_auth):
    """Two parallel refreshes with the same token (real parallel transactions): one wins, the
    other is reuse, and the reuse revokes the family, the winner's new token included."""
    async with make_auth(isolated=True) as auth:
        first = (await login(auth.client, "cw.goeppingen")).json()
        form = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
        a, b = await asyncio.gather(
            auth.client.post("/auth/v1/token", data=form),
            auth.client.post("/auth/v1/token", data=form),
        )
        assert sorted([a.status_code, b.status_code]) == [200, 400]
        winner = a if a.status_code == 200 else b
        later = await auth.client.post(
            "/auth/v1/token",
            data={"grant_type": "refresh_token", "refresh_token": winner.json()["refresh_token"]},
        )
        assert later.status_code == 400
        assert later.json()["error"] == "invalid_grant"


async def test_password_hashes_follow_a_raised_argon2_cost(make_auth):
    async with make_auth(argon2_time_cost=2) as auth:
        async with auth.session() as session:
            before = (
                await session.exec(
                    text("SELECT password_hash FROM account WHERE username = 'cw.caritas'")
                )
            ).one()[0]
        assert "t=1" in before
        assert (await login(auth.client, "cw.caritas")).status_code == 200
        async with auth.session() as session:
            after = (
                await session.exec(
                    text("SELECT password_hash FROM account WHERE username = 'cw.caritas'")
                )
            ).one()[0]
        assert "t=2" in after
        assert (await login(auth.client, "cw.caritas")).status_code == 200
