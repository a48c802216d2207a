"""A frontend's login, done by a maintained OAuth 2.0 / OpenID Connect client library
(authlib's OAuth2Session, pinned) against the real stack through the gateway: discovery,
authorize with PKCE, the login page (posted as a browser would), code exchange, ID token
verification against the JWKS (joserfc), userinfo, refresh rotation and logout."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from joserfc import jwt
from joserfc.jwk import KeySet

from services.cli.stack import Stack
from tests.support.oidc_login import form_post, hidden_fields
from tests.support.stack import demo_token

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]

REDIRECT = "http://127.0.0.1:8765/callback"  # loopback: nothing needs to listen there
AFTER_LOGOUT = "https://frontend.example.org/signed-out"


@pytest.fixture
def browser(stack: Stack) -> Iterator[httpx.Client]:
    """Plays the user's browser: keeps cookies, does not follow the final redirect."""
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as c:
        yield c


@pytest.fixture
def frontend(stack: Stack, browser: httpx.Client) -> str:
    """A public client registered by Göppingen's org_admin, as the README shows."""
    admin = {"Authorization": f"Bearer {demo_token(stack, 'orgadmin.goeppingen')}"}
    me = browser.get("/auth/v1/me", headers=admin).json()
    client_id = f"frontend-{uuid.uuid4().hex[:8]}"
    r = browser.post(
        "/auth/v1/clients",
        headers=admin,
        json={
            "client_id": client_id,
            "name": "Frontend (e2e)",
            "organization_id": me["organization"]["id"],
            "roles": [],
            "client_type": "public",
            "grant_types": ["authorization_code", "refresh_token"],
            "redirect_uris": ["http://127.0.0.1/callback"],
            "post_logout_redirect_uris": [AFTER_LOGOUT],
        },
    )
    assert r.status_code == 201, r.text
    return client_id


def log_in(browser: httpx.Client, url: str, username: str, password: str) -> httpx.Response:
    page = browser.get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]
    return browser.post(
        "/auth/v1/authorize", data=form_post(page, username=username, password=password)
    )


def test_authlib_logs_a_user_in_with_pkce_and_out_again(stack, browser, frontend):
    meta = browser.get("/auth/.well-known/openid-configuration").json()
    assert meta["issuer"] == f"{stack.gateway_url}/auth"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    oauth = OAuth2Session(
        client_id=frontend,
        redirect_uri=REDIRECT,
        scope="openid profile offline_access",
        code_challenge_method="S256",
        token_endpoint_auth_method="none",
    )
    verifier, nonce = generate_token(64), secrets.token_urlsafe(12)
    url, state = oauth.create_authorization_url(
        meta["authorization_endpoint"], code_verifier=verifier, nonce=nonce
    )
    wrong = log_in(browser, url, "cw.goeppingen", "not-the-password")
    assert wrong.status_code == 401
    assert 'role="alert"' in wrong.text
    assert hidden_fields(wrong)["state"] == state
    done = browser.post(
        "/auth/v1/authorize",
        data=form_post(wrong, username="cw.goeppingen", password="pakt-demo-2026"),
    )
    assert done.status_code == 303, done.text
    assert done.headers["location"].startswith(REDIRECT + "?code=")

    token = oauth.fetch_token(
        meta["token_endpoint"], authorization_response=done.headers["location"],
        code_verifier=verifier,
    )  # fmt: skip
    keys = KeySet.import_key_set(browser.get(meta["jwks_uri"]).json())
    id_token = jwt.decode(token["id_token"], keys, algorithms=["RS256"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": meta["issuer"]},
        aud={"essential": True, "value": frontend},
        nonce={"essential": True, "value": nonce},
        exp={"essential": True},
        auth_time={"essential": True},
    ).validate(id_token.claims)
    assert id_token.claims["roles"] == ["case_worker"]
    access = jwt.decode(token["access_token"], keys, algorithms=["RS256"])
    assert access.claims["aud"] == "pakt-api"  # the API's token, not the ID token

    info = oauth.get(meta["userinfo_endpoint"])
    assert info.status_code == 200
    assert info.json()["sub"] == id_token.claims["sub"]
    cases = oauth.get(f"{stack.gateway_url}/cases/v1/cases")
    assert cases.status_code == 200, cases.text

    first_refresh = token["refresh_token"]
    refreshed = oauth.refresh_token(meta["token_endpoint"])
    assert refreshed["refresh_token"] != first_refresh

    out = browser.get(
        meta["end_session_endpoint"],
        params={
            "id_token_hint": token["id_token"],
            "post_logout_redirect_uri": AFTER_LOGOUT,
            "state": "s1",
        },
    )
    assert out.status_code == 303
    assert out.headers["location"] == f"{AFTER_LOGOUT}?state=s1"
    gone = browser.post(
        meta["token_endpoint"],
        data={
            "grant_type": "refresh_token",
            "refresh_token": refreshed["refresh_token"],
            "client_id": frontend,
        },
    )
    assert gone.json()["error"] == "invalid_grant"
    bearer = {"Authorization": f"Bearer {refreshed['access_token']}"}
    deadline = time.monotonic() + 10
    while browser.get("/cases/v1/cases", headers=bearer).status_code != 401:
        assert time.monotonic() < deadline, "the logged-out session's token still works"
        time.sleep(0.2)


def test_codes_and_redirects_cannot_be_abused_through_the_gateway(stack, browser, frontend):
    meta = browser.get("/auth/.well-known/openid-configuration").json()
    oauth = OAuth2Session(
        client_id=frontend, redirect_uri=REDIRECT, scope="openid",
        code_challenge_method="S256", token_endpoint_auth_method="none",
    )  # fmt: skip
    verifier = generate_token(64)
    url, _ = oauth.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier)
    evil = url.replace("127.0.0.1%3A8765", "evil.example")
    page = browser.get(evil)
    assert page.status_code == 400
    assert "location" not in page.headers
    done = log_in(browser, url, "cw.goeppingen", "pakt-demo-2026")
    response = done.headers["location"]
    with pytest.raises(Exception, match="invalid_grant"):
        oauth.fetch_token(
            meta["token_endpoint"], authorization_response=response, code_verifier="x" * 64
        )
    with pytest.raises(Exception, match="invalid_grant"):  # the failed try used the code up
        oauth.fetch_token(
            meta["token_endpoint"], authorization_response=response, code_verifier=verifier
        )
