"""Authorization code flow with PKCE and OpenID Connect, in process against the real auth app:
the login page, codes, ID tokens, userinfo, refresh rotation, logout and the refusals."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from services.common import jwt
from services.common.sql import run
from tests.auth.conftest import GOEPPINGEN, bearer
from tests.support.oidc_login import Pkce, authorize_url, form_post, hidden_fields, redirect_params

REDIRECT = "https://frontend.example.org/callback"
PROBLEM = "application/problem+json"


def public_client(client_id: str = "buergerportal-goeppingen", **extra: Any) -> dict[str, Any]:
    return {
        "client_id": client_id,
        "name": "Frontend Göppingen",
        "organization_id": GOEPPINGEN,
        "roles": [],
        "client_type": "public",
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": [REDIRECT, "http://127.0.0.1/callback"],
        "post_logout_redirect_uris": ["https://frontend.example.org/"],
        **extra,
    }


async def register(auth, **extra: Any) -> dict[str, Any]:
    me = await bearer(auth.client, "orgadmin.goeppingen")
    r = await auth.client.post("/auth/v1/clients", json=public_client(**extra), headers=me)
    assert r.status_code == 201, r.text
    assert r.json()["client_secret"] is None
    body: dict[str, Any] = r.json()
    return body


async def log_in(auth, client_id: str, pkce: Pkce, redirect: str = REDIRECT, **extra: str):
    """The login page's form, filled with a demo user's credentials; the redirect answer."""
    page = await auth.client.get(authorize_url(client_id, redirect, pkce, **extra))
    assert page.status_code == 200, page.text
    body = form_post(page, username="cw.goeppingen", password="pakt-demo-2026")
    return page, await auth.client.post("/auth/v1/authorize", data=body)


async def exchange(auth, client_id: str, code: str, verifier: str, redirect: str = REDIRECT):
    return await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "authorization_code",
            "client_id": client_id,
            "code": code,
            "redirect_uri": redirect,
            "code_verifier": verifier,
        },
    )


async def tokens_for(auth, client_id: str) -> tuple[dict[str, Any], dict[str, str]]:
    pkce = Pkce.new()
    page, done = await log_in(auth, client_id, pkce)
    params = redirect_params(done)
    r = await exchange(auth, client_id, params["code"], pkce.verifier)
    assert r.status_code == 200, r.text
    return r.json(), hidden_fields(page)


async def verified_id_token(auth, token: str, audience: str) -> dict[str, Any]:
    keys = (await auth.client.get("/auth/.well-known/jwks.json")).json()["keys"]
    key = next(k for k in keys if k["kid"] == jwt.header_kid(token))
    issuer = auth.app.state.settings.jwt_issuer
    return jwt.verify(token, key, audience=audience, issuer=issuer, leeway=0)


async def test_discovery_lists_the_code_flow(auth):
    meta = (await auth.client.get("/auth/.well-known/openid-configuration")).json()
    for endpoint in ("authorization", "token", "userinfo", "end_session", "revocation"):
        assert meta[f"{endpoint}_endpoint"].startswith(meta["issuer"])
    assert meta["response_types_supported"] == ["code"]
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert "authorization_code" in meta["grant_types_supported"]
    assert {"nonce", "auth_time", "org", "roles"} <= set(meta["claims_supported"])
    assert meta["request_parameter_supported"] is False


async def test_login_page_code_exchange_id_token_userinfo_refresh_and_logout(auth):
    client = await register(auth)
    pkce = Pkce.new()
    page = await auth.client.get(authorize_url(client["client_id"], REDIRECT, pkce))
    assert page.status_code == 200
    assert '<html lang="de">' in page.text
    assert 'for="username"' in page.text
    wrong = await auth.client.post(
        "/auth/v1/authorize", data=form_post(page, username="cw.goeppingen", password="nope")
    )
    assert wrong.status_code == 401
    assert 'role="alert"' in wrong.text
    assert "Benutzername oder Passwort ist falsch" in wrong.text
    done = await auth.client.post(
        "/auth/v1/authorize",
        data=form_post(wrong, username="cw.goeppingen", password="pakt-demo-2026"),
    )
    params = redirect_params(done)
    assert done.headers["location"].startswith(REDIRECT + "?")
    assert params["state"] == hidden_fields(page)["state"]
    r = await exchange(auth, client["client_id"], params["code"], pkce.verifier)
    assert r.status_code == 200, r.text
    tokens = r.json()
    claims = await verified_id_token(auth, tokens["id_token"], client["client_id"])
    assert claims["nonce"] == hidden_fields(page)["nonce"]
    assert claims["org"] == GOEPPINGEN
    assert claims["roles"] == ["case_worker"]
    assert claims["auth_time"] <= claims["iat"]
    access = {"Authorization": f"Bearer {tokens['access_token']}"}
    info = await auth.client.get("/auth/v1/userinfo", headers=access)
    assert info.status_code == 200, info.text
    assert info.json()["sub"] == claims["sub"]
    refresh = {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    anonymous = await auth.client.post("/auth/v1/token", data=refresh)
    assert anonymous.json()["error"] == "invalid_grant"  # bound to the client
    rotated = await auth.client.post(
        "/auth/v1/token", data={**refresh, "client_id": client["client_id"]}
    )
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["refresh_token"] != tokens["refresh_token"]
    out = await auth.client.get(
        "/auth/v1/logout",
        params={
            "id_token_hint": tokens["id_token"],
            "post_logout_redirect_uri": "https://frontend.example.org/",
            "state": "bye",
        },
    )
    assert out.status_code == 303
    assert out.headers["location"] == "https://frontend.example.org/?state=bye"
    after = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": rotated.json()["refresh_token"],
            "client_id": client["client_id"],
        },
    )
    assert after.json()["error"] == "invalid_grant"


async def test_english_by_accept_language(auth):
    client = await register(auth)
    url = authorize_url(client["client_id"], REDIRECT, Pkce.new())
    page = await auth.client.get(url, headers={"Accept-Language": "en-GB,en;q=0.9,de;q=0.5"})
    assert '<html lang="en">' in page.text
    assert "Sign in" in page.text


async def test_pkce_verifier_must_match(auth):
    client = await register(auth)
    for verifier in ("x" * 43, None):
        pkce = Pkce.new()
        _, done = await log_in(auth, client["client_id"], pkce)
        form = {
            "grant_type": "authorization_code",
            "client_id": client["client_id"],
            "code": redirect_params(done)["code"],
            "redirect_uri": REDIRECT,
        }
        if verifier:
            form["code_verifier"] = verifier
        r = await auth.client.post("/auth/v1/token", data=form)
        assert r.status_code == 400
        assert r.json()["error"] == ("invalid_grant" if verifier else "invalid_request")


async def test_authorize_without_pkce_or_with_plain_goes_back_with_an_error(auth):
    client = await register(auth)
    for extra in ({"code_challenge_method": "plain"}, {"code_challenge": ""}):
        url = authorize_url(client["client_id"], REDIRECT, Pkce.new(), **extra)
        r = await auth.client.get(url)
        params = redirect_params(r)
        assert params["error"] == "invalid_request"
        assert r.headers["location"].startswith(REDIRECT)


async def test_request_objects_are_refused_whatever_their_alg(auth):
    client = await register(auth)
    header = base64.urlsafe_b64encode(b'{"alg":"none"}').rstrip(b"=").decode()
    payload = base64.urlsafe_b64encode(b'{"redirect_uri":"https://evil.example/"}').decode()
    url = authorize_url(client["client_id"], REDIRECT, Pkce.new(), request=f"{header}.{payload}.")
    r = await auth.client.get(url)
    assert redirect_params(r)["error"] == "request_not_supported"
    assert r.headers["location"].startswith(REDIRECT)


async def test_unregistered_or_altered_redirect_uri_shows_an_error_and_never_redirects(auth):
    client = await register(auth)
    for uri in (
        "https://evil.example/callback",
        REDIRECT + "/../evil",
        REDIRECT + "?next=https://evil.example",
        "https://frontend.example.org.evil.example/callback",
        "https://frontend.example.org/callback#x",
        "",
    ):
        r = await auth.client.get(authorize_url(client["client_id"], uri, Pkce.new()))
        assert r.status_code == 400, uri
        assert "location" not in r.headers
        assert 'role="alert"' in r.text
    unknown = await auth.client.get(authorize_url("no-such-client", REDIRECT, Pkce.new()))
    assert unknown.status_code == 400
    assert "location" not in unknown.headers


async def test_loopback_redirect_uri_matches_any_port(auth):
    client = await register(auth)
    pkce = Pkce.new()
    _, done = await log_in(auth, client["client_id"], pkce, "http://127.0.0.1:53124/callback")
    assert done.headers["location"].startswith("http://127.0.0.1:53124/callback?code=")


async def test_code_works_once_and_reuse_revokes_its_tokens(auth):
    client = await register(auth)
    pkce = Pkce.new()
    _, done = await log_in(auth, client["client_id"], pkce)
    code = redirect_params(done)["code"]
    first = await exchange(auth, client["client_id"], code, pkce.verifier)
    assert first.status_code == 200
    again = await exchange(auth, client["client_id"], code, pkce.verifier)
    assert again.json()["error"] == "invalid_grant"
    refresh = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": first.json()["refresh_token"],
            "client_id": client["client_id"],
        },
    )
    assert refresh.json()["error"] == "invalid_grant"
    sid = (await verified_id_token(auth, first.json()["id_token"], client["client_id"]))["sid"]
    async with auth.session() as session:
        revoked = await run(
            session,
            text("SELECT count(*) FROM token_revocation WHERE kind = 'session' AND subject = :s"),
            {"s": sid},
        )
        assert revoked.scalar_one() == 1


async def test_expired_code_and_code_of_another_client(auth):
    client = await register(auth)
    other = await register(auth, client_id="buergerportal-zwei")
    pkce = Pkce.new()
    _, done = await log_in(auth, client["client_id"], pkce)
    code = redirect_params(done)["code"]
    stolen = await exchange(auth, other["client_id"], code, pkce.verifier)
    assert stolen.json()["error"] == "invalid_grant"
    pkce = Pkce.new()
    _, done = await log_in(auth, client["client_id"], pkce)
    async with auth.session() as session:
        past = datetime.now(UTC) - timedelta(seconds=1)
        await run(
            session,
            text("UPDATE authorization_code SET expires_at = :t WHERE used_at IS NULL"),
            {"t": past},
        )
        await session.commit()
    expired = await exchange(
        auth, client["client_id"], redirect_params(done)["code"], pkce.verifier
    )
    assert expired.json()["error"] == "invalid_grant"
    assert "expired" in expired.json()["error_description"]


async def test_redirect_uri_of_the_exchange_must_be_the_login_one(auth):
    client = await register(auth)
    pkce = Pkce.new()
    _, done = await log_in(auth, client["client_id"], pkce)
    r = await exchange(
        auth,
        client["client_id"],
        redirect_params(done)["code"],
        pkce.verifier,
        "http://127.0.0.1/callback",
    )
    assert r.json()["error"] == "invalid_grant"


async def test_login_form_needs_its_csrf_token(auth):
    client = await register(auth)
    page = await auth.client.get(authorize_url(client["client_id"], REDIRECT, Pkce.new()))
    body = form_post(page, username="cw.goeppingen", password="pakt-demo-2026", csrf_token="x" * 32)
    r = await auth.client.post("/auth/v1/authorize", data=body)
    assert r.status_code == 400
    assert "location" not in r.headers


async def test_client_registration_rules(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    bad: dict[str, Any]
    for bad in (
        {"redirect_uris": ["http://frontend.example.org/cb"]},
        {"redirect_uris": ["https://frontend.example.org/cb#frag"]},
        {"redirect_uris": ["/relative"]},
        {"grant_types": ["client_credentials"]},
        {"grant_types": ["password"]},
        {"redirect_uris": []},
    ):
        r = await auth.client.post("/auth/v1/clients", json=public_client(**bad), headers=me)
        assert r.status_code == 422, (bad, r.text)
        assert r.headers["content-type"] == PROBLEM


async def test_public_clients_get_no_password_grant(auth):
    client = await register(auth)
    r = await auth.client.post(
        "/auth/v1/token",
        data={
            "grant_type": "password",
            "username": "cw.goeppingen",
            "password": "pakt-demo-2026",
            "client_id": client["client_id"],
        },
    )
    assert r.status_code == 400
    assert r.json()["error"] == "unauthorized_client"


async def test_password_grant_can_be_switched_off(make_auth):
    async with make_auth(password_grant_enabled=False) as sut:
        r = await sut.client.post(
            "/auth/v1/token",
            data={"grant_type": "password", "username": "cw.goeppingen", "password": "x" * 12},
        )
        assert r.json()["error"] == "unsupported_grant_type"
        meta = (await sut.client.get("/auth/.well-known/openid-configuration")).json()
        assert "password" not in meta["grant_types_supported"]


async def test_empty_basic_client_auth_never_asks_the_browser_for_a_password(auth):
    r = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": "Basic Og=="},
    )
    assert r.status_code == 401
    assert "www-authenticate" not in r.headers


async def test_garbage_login_forms_get_a_page_never_a_500(auth):
    for body in (
        "step=password&username=cw.goeppingen&csrf_token=%C3%BEm%00%F1%B8%8D",
        "=-0.5&%F3%A3%BB%8B-u%C2%BE=%00&x=%C3%A7",
        "csrf_token=abc&pending=%C3%BE.%C3%BE&step=totp",
    ):
        r = await auth.client.post(
            "/auth/v1/authorize",
            content=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "pakt_login_csrf=%C3%BE",
            },
        )
        assert r.status_code == 400, (body, r.text[:300])


async def test_nul_bytes_in_login_parameters_are_refused(auth):
    """PostgreSQL text cannot hold NUL: refused before any query (the guard's 422 or a page)."""
    url = authorize_url("pakt-docs\x00", "http://127.0.0.1/docs/oauth2-redirect.html", Pkce.new())
    assert (await auth.client.get(url)).status_code in (400, 422)
    form = {"client_id": "pakt-docs", "username": "cw\x00", "csrf_token": "x"}
    assert (await auth.client.post("/auth/v1/authorize", data=form)).status_code in (400, 422)
    out = await auth.client.get("/auth/v1/logout", params={"client_id": "a\x00"})
    assert out.status_code in (400, 422)


async def test_login_page_is_throttled_like_the_token_endpoint(make_auth):
    async with make_auth(login_free_attempts=1) as sut:
        client = await register(sut)
        page = await sut.client.get(authorize_url(client["client_id"], REDIRECT, Pkce.new()))
        statuses = []
        for _ in range(3):
            page = await sut.client.post(
                "/auth/v1/authorize",
                data=form_post(page, username="analyst.ministry", password="wrong-wrong-1"),
            )
            statuses.append(page.status_code)
        assert statuses == [401, 401, 429]
        assert "Zu viele Fehlversuche" in page.text
        token = await sut.client.post(
            "/auth/v1/token",
            data={"grant_type": "password", "username": "analyst.ministry", "password": "x" * 12},
        )
        assert token.status_code == 429  # one counter for both ways in
