"""The OpenID Connect pages: the login (`/auth/v1/authorize`) and logout (`/auth/v1/logout`).

HTML for people, not JSON: they answer pages and redirects, never problem documents. The login
form is CSRF-protected by a double-submit cookie (SameSite=Strict, HttpOnly) whose value the
form repeats; the pages work without JavaScript.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.auth.api.deps import ClientAddress, Issuer
from services.auth.api.login_pages import message_page, render
from services.auth.api.login_texts import language
from services.auth.oidc import login
from services.auth.oidc.authorize import AuthorizeRequest
from services.auth.oidc.logout import LogoutOutcome, LogoutRequest, logout
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["oidc"])
CSRF_COOKIE = "pakt_login_csrf"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
MAX_VALUE = 2048  # characters per parameter (a signed ID token hint fits easily)
_PARAMS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)


def _query_parameters(names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": n,
            "in": "query",
            "required": False,
            "schema": {"type": "string", "maxLength": 2048},
        }
        for n in names
    ]


HTML_PAGE: dict[str, Any] = {
    "description": "A page saying what went wrong (HTML, the message in a role=alert element)",
    "content": {"text/html": {"example": '<!doctype html><html lang="de">...</html>'}},
}
# the gateway limits the login page's requests like the token endpoint's (problem JSON); the
# app's own throttling of failed logins answers with the page
RATE_LIMITED = {
    "description": "Too many requests: the gateway's rate limit (problem JSON) or, after "
    "repeated failed logins, the page with the throttling message",
    "content": {
        **problem_responses(429)[429]["content"],
        **HTML_PAGE["content"],
    },
}


def html_answers(redirect: str, *pages: int, throttled: bool = True) -> dict[str, Any]:
    """The decorator arguments of an operation a browser sees: HTML, the redirect (303,
    described by `redirect`), the page again with a message (`pages`) and, where failed logins
    are counted, 429."""
    responses: dict[int | str, Any] = {303: {"description": redirect}}
    responses.update(dict.fromkeys(pages, HTML_PAGE))
    if throttled:
        responses[429] = RATE_LIMITED
    return {"response_class": HTMLResponse, "responses": responses}


AUTHORIZE_DOC: dict[str, Any] = {
    "security": [],
    "parameters": _query_parameters((*_PARAMS, "request", "request_uri")),
}
FORM_DOC: dict[str, Any] = {
    "security": [],
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        n: {"type": "string", "maxLength": MAX_VALUE}
                        for n in (*_PARAMS, "csrf_token", "step", "username", "password", "code")
                    },
                },
                "example": {"step": "password", "username": "cw.goeppingen", "csrf_token": "..."},
            }
        },
    },
}


def _refused(params: Any, limit: int = MAX_VALUE) -> bool:
    """True when a parameter breaks the contract: too long (refused, never truncated), or
    holding a NUL byte, which PostgreSQL text cannot hold."""
    return any(len(str(v)) > limit or "\x00" in str(v) for v in params.values())


def _csrf(request: Request) -> str:
    token = request.cookies.get(CSRF_COOKIE, "")
    return token if 20 <= len(token) <= 64 else secrets.token_urlsafe(24)


def _answer(request: Request, outcome: login.Outcome, req: AuthorizeRequest) -> Response:
    headers = dict(NO_STORE)
    if outcome.page == "redirect":
        return RedirectResponse(outcome.location, status_code=303, headers=headers)
    csrf = _csrf(request)
    lang = language(request.headers.get("accept-language"))
    page = render(outcome, lang, req.carried(), csrf)
    response = HTMLResponse(page, status_code=outcome.status, headers=headers)
    secure = request.headers.get("x-forwarded-proto", request.url.scheme) == "https"
    response.set_cookie(
        CSRF_COOKIE,
        csrf,
        max_age=3600,
        path="/auth/v1/authorize",
        httponly=True,
        samesite="strict",
        secure=secure,
    )
    return response


@router.get(
    "/auth/v1/authorize",
    openapi_extra=AUTHORIZE_DOC,
    **html_answers("Back to the client with `error` and `state`", 400),
    summary="Login page (OpenID Connect authorization endpoint)",
    description=(
        "Authorization code flow with PKCE (S256 only; RFC 6749 4.1, RFC 7636, OIDC Core 3.1). "
        "Open it in the user's browser with `response_type=code`, `client_id`, the exactly "
        "registered `redirect_uri`, `scope` (`openid profile offline_access`), `state`, "
        "`nonce`, `code_challenge` and `code_challenge_method=S256`. The page (German, English "
        "by `Accept-Language`) asks for username and password, then a TOTP code if the account "
        "has one, and sends the user to `redirect_uri?code=...&state=...`. An unknown client or "
        "an unregistered redirect URI shows an error page and redirects nowhere. Request "
        "objects (`request`, `request_uri`) are refused."
    ),
)
async def authorize_form(request: Request, session: SessionDep) -> Response:
    req = AuthorizeRequest.from_params(request.query_params)
    if _refused(request.query_params):
        return _answer(request, login.Outcome("error", status=400, message="unknown_client"), req)
    return _answer(request, await login.start(session, req), req)


@router.post(
    "/auth/v1/authorize",
    openapi_extra=FORM_DOC,
    **html_answers("Back to the client with `code` and `state`", 400, 401),
    summary="Submit the login page",
    description=(
        "What the login page's form posts (the browser does this; clients never call it "
        "directly). Wrong credentials answer the page again with a generic message; repeated "
        "failures are throttled like the token endpoint's."
    ),
)
async def authorize_submit(
    request: Request, session: SessionDep, issuer: Issuer, address: ClientAddress
) -> Response:
    data = await request.form()
    req = AuthorizeRequest.from_params(data)
    if _refused(data):
        return _answer(request, login.Outcome("error", status=400, message="unknown_client"), req)
    sent = str(data.get("csrf_token") or "")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not sent or not hmac.compare_digest(sent.encode(), cookie.encode()):
        outcome = await login.start(session, req)
        if outcome.page == "form":
            outcome = login.Outcome("form", status=400, message="csrf")
        return _answer(request, outcome, req)
    form = login.LoginForm(
        **{k: str(data.get(k) or "")[:1024] for k in ("step", "username", "password", "code")},
        pending=str(data.get("pending") or "")[:2048],
    )
    outcome = await login.submit(session, issuer, req, form, address)
    await session.commit()  # codes, throttling counters and enrolments, whatever the outcome
    return _answer(request, outcome, req)


@router.get(
    "/auth/v1/logout",
    openapi_extra={
        "security": [],
        "parameters": _query_parameters(
            ("id_token_hint", "post_logout_redirect_uri", "state", "client_id")
        ),
    },
    **html_answers("To the registered post_logout_redirect_uri", 400, throttled=False),
    summary="Log out (OpenID Connect end_session_endpoint)",
    description=(
        "RP-initiated logout: `id_token_hint` names the login (its `sid`), which ends: its "
        "refresh tokens at once, its access tokens in every service within seconds. The user "
        "returns to `post_logout_redirect_uri` (with `state`) only when it is registered for "
        "the client the ID token was issued to; otherwise a page says they are logged out."
    ),
)
async def end_session(request: Request, session: SessionDep, issuer: Issuer) -> Response:
    params = request.query_params
    req = LogoutRequest(**{k: str(params.get(k) or "") for k in LogoutRequest.__dataclass_fields__})
    outcome = LogoutOutcome(message="bad_hint", failed=True)
    if not _refused(params):
        outcome = await logout(session, issuer, req)
    await session.commit()
    if outcome.location:
        return RedirectResponse(outcome.location, status_code=303, headers=NO_STORE)
    lang = language(request.headers.get("accept-language"))
    page = message_page(lang, "logout_title", outcome.message, alert=outcome.failed)
    return HTMLResponse(page, status_code=400 if outcome.failed else 200, headers=NO_STORE)
