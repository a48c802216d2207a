"""The login page's steps, from an authorization request to the redirect with a code.

password -> (TOTP code | TOTP enrolment -> recovery codes) -> code. Every step checks the
authorization request again; wrong input answers the same page with a message key (the page
translates it), never a hint which of username or password was wrong.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.errors import (
    InvalidGrant,
    InvalidTotpCode,
    TooManyAttempts,
    TotpNotPending,
    UserNotFound,
)
from services.auth.oidc.authorize import (
    AuthorizeRequest,
    ClientError,
    RedirectError,
    back_to_client,
    check_request,
    issue_code,
)
from services.auth.oidc.steps import PendingLogin, seal, unseal
from services.auth.tokens.issuance import TokenIssuer
from services.auth.tokens.service import check_login
from services.auth.totp import service as totp


@dataclass(frozen=True)
class LoginForm:
    """What the login page posts besides the authorization request."""

    step: str = "password"
    username: str = ""
    password: str = ""
    code: str = ""
    pending: str = ""


@dataclass(frozen=True)
class Outcome:
    """What the page answers: `page` to show (form, totp, enrol, recovery, error) or a
    redirect to `location`; `message` names a text of the page."""

    page: str
    status: int = 200
    location: str = ""
    message: str = ""
    pending: str = ""
    enrolment: totp.Enrolment | None = None
    recovery_codes: list[str] = field(default_factory=list)


async def start(session: AsyncSession, req: AuthorizeRequest) -> Outcome:
    """GET: the login form, an error page, or the client's error redirect."""
    try:
        await check_request(session, req)
    except ClientError as exc:
        return Outcome("error", status=400, message=str(exc))
    except RedirectError as exc:
        location = back_to_client(req, error=exc.error, error_description=exc.description)
        return Outcome("redirect", status=303, location=location)
    return Outcome("form")


async def submit(
    session: AsyncSession, issuer: TokenIssuer, req: AuthorizeRequest, form: LoginForm, address: str
) -> Outcome:
    """POST: one step of the login."""
    checked = await start(session, req)
    if checked.page != "form":
        return checked
    if form.step == "password":
        return await _password(session, issuer, req, form, address)
    pending = unseal(issuer.settings, form.pending, req.client_id)
    if pending is None or pending.stage != form.step:
        return Outcome("form", status=400, message="expired")
    try:
        if form.step == "totp":
            return await _totp(session, issuer, req, form, pending)
        if form.step == "enrol":
            return await _enrol(session, issuer, form, pending)
    except (UserNotFound, TotpNotPending):  # deactivated or re-enrolled meanwhile: start again
        return Outcome("form", status=400, message="expired")
    return await _finish(session, issuer, req, pending.user_id, pending.auth_time)


async def _password(
    session: AsyncSession, issuer: TokenIssuer, req: AuthorizeRequest, form: LoginForm, address: str
) -> Outcome:
    try:
        user = await check_login(session, issuer, form.username, form.password, address)
    except TooManyAttempts:
        return Outcome("form", status=429, message="throttled")
    except InvalidGrant:
        return Outcome("form", status=401, message="bad_login")
    now, user_id = int(time.time()), str(user.id)
    if totp.enrolled(user):
        pending = PendingLogin(user_id, req.client_id, now, "totp")
        return Outcome("totp", pending=seal(issuer.settings, pending))
    if totp.required_for(user, issuer.settings):
        enrolment = await totp.begin(session, issuer.settings, user_id)
        pending = PendingLogin(user_id, req.client_id, now, "enrol")
        return Outcome("enrol", pending=seal(issuer.settings, pending), enrolment=enrolment)
    return await _finish(session, issuer, req, user_id, now)


async def _totp(
    session: AsyncSession,
    issuer: TokenIssuer,
    req: AuthorizeRequest,
    form: LoginForm,
    pending: PendingLogin,
) -> Outcome:
    try:
        ok = await totp.verify(session, issuer.settings, pending.user_id, form.code)
    except TooManyAttempts:
        return Outcome("totp", status=429, message="throttled", pending=form.pending)
    if not ok:
        return Outcome("totp", status=401, message="bad_code", pending=form.pending)
    return await _finish(session, issuer, req, pending.user_id, pending.auth_time)


async def _enrol(
    session: AsyncSession, issuer: TokenIssuer, form: LoginForm, pending: PendingLogin
) -> Outcome:
    settings = issuer.settings
    try:
        codes = await totp.confirm(session, settings, pending.user_id, form.code)
    except (InvalidTotpCode, TooManyAttempts) as exc:
        enrolment = await totp.pending_enrolment(session, settings, pending.user_id)
        status = 429 if isinstance(exc, TooManyAttempts) else 401
        message = "throttled" if status == 429 else "bad_code"
        return Outcome("enrol", status, message=message, pending=form.pending, enrolment=enrolment)
    done = PendingLogin(pending.user_id, pending.client_id, pending.auth_time, "done")
    return Outcome("recovery", pending=seal(settings, done), recovery_codes=codes)


async def _finish(
    session: AsyncSession, issuer: TokenIssuer, req: AuthorizeRequest, user_id: str, at: int
) -> Outcome:
    location = await issue_code(session, issuer.settings, req, user_id, at)
    return Outcome("redirect", status=303, location=location)
