"""OAuth2 grants, revocation and introspection.

- password: user credentials; throttled per account and per address; unknown users cost the
  same argon2 work as wrong passwords, and both get the same `invalid_grant`.
- refresh_token: single use. Each use marks the token used and returns a successor of the same
  family; presenting a used token again revokes the whole family (a stolen token was replayed).
- client_credentials: machine clients, no refresh token (RFC 6749 section 4.4.3).
- authorization_code (services/auth/oidc/grant.py): the login page's code, with PKCE.
The password grant is for development and first-party tools (AUTH_PASSWORD_GRANT_ENABLED);
public clients never use it.
Errors that change state (throttle counters, family revocation) must be committed by the
caller even though the request fails.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.directory import repository as orgs
from services.auth.errors import (
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    InvalidScope,
    UnsupportedGrantType,
)
from services.auth.keys import KeyRing
from services.auth.models import account
from services.auth.revocations import record_revocation
from services.auth.security import Passwords, new_opaque_token, secret_matches, token_hash
from services.auth.settings import AuthSettings
from services.auth.tokens import repository as repo
from services.auth.tokens import throttle
from services.auth.tokens.grant_rules import check_grant_allowed
from services.auth.tokens.idtoken import id_token
from services.auth.tokens.schemas import GRANT_TYPES, ClientAuth, Login, TokenForm, TokenResponse
from services.common import jwt

USER_SCOPES = ("openid", "profile", "offline_access")
BAD_LOGIN = "The username or password is wrong"
GRANTS = GRANT_TYPES


@dataclass(frozen=True)
class TokenIssuer:
    """What token endpoints need besides the session: settings, keys, password hashing."""

    settings: AuthSettings
    keys: KeyRing
    passwords: Passwords


def require(value: str | None, name: str) -> str:
    """A request parameter OAuth2 needs here; its absence is `invalid_request`."""
    if not value:
        raise InvalidRequest(f"The parameter {name} is required")
    return value


def _scope(requested: str | None, allowed: tuple[str, ...] | list[str]) -> str:
    if requested is None or not requested.strip():
        return " ".join(allowed)
    wanted = requested.split()
    unknown = sorted(set(wanted) - set(allowed))
    if unknown:
        raise InvalidScope(f"Scopes not allowed here: {' '.join(unknown)[:200]}")
    return " ".join(s for s in allowed if s in wanted)


async def _access_token(
    session: AsyncSession,
    issuer: TokenIssuer,
    *,
    sub: str,
    sub_type: str,
    org_id: str,
    roles: list[str],
    scope: str,
    name: str,
    sid: str | None = None,
) -> str:
    org = await orgs.get(session, org_id)
    if org is None:
        raise InvalidGrant("The organization of this account no longer exists")
    now = int(time.time())
    settings = issuer.settings
    claims: dict[str, Any] = {
        "sub": sub,
        "sub_type": sub_type,
        "org": str(org.id),
        "org_kind": org.kind,
        "org_path": list(org.org_path),
        "roles": sorted(roles),
        "scope": scope,
        "name": name,
        "aud": settings.jwt_audience,
        "iss": settings.jwt_issuer,
        "iat": now,
        "exp": now + settings.access_token_ttl_seconds,
        "jti": uuid.uuid4().hex,
    }
    if sid is not None:  # the login (refresh-token family) a user token belongs to
        claims["sid"] = sid
    kid, pem = await issuer.keys.signing_key(session)
    return jwt.sign(claims, pem, kid)


async def user_tokens(
    session: AsyncSession,
    issuer: TokenIssuer,
    user: Row[Any],
    scope: str,
    family_id: str | None = None,
    login: Login | None = None,
) -> TokenResponse:
    """Access and refresh token of a login (a refresh-token family); with `login` (a client's
    OpenID Connect login) and scope `openid` also an ID token."""
    family_id = family_id or str(uuid.uuid4())
    access = await _access_token(
        session,
        issuer,
        sub=str(user.id),
        sub_type="user",
        org_id=str(user.organization_id),
        roles=list(user.roles),
        scope=scope,
        name=user.username,  # the login only: display names may be personal data
        sid=family_id,
    )
    refresh = new_opaque_token()
    if secrets.randbelow(1000) == 0:  # now and then, drop long-expired refresh tokens
        await repo.purge_expired(session)
    await repo.add(
        session,
        token_hash=token_hash(refresh),
        family_id=family_id,
        account_id=str(user.id),
        scope=scope,
        ttl_seconds=issuer.settings.refresh_token_ttl_seconds,
        login=login,
    )
    wants_id_token = login is not None and "openid" in scope.split()
    return TokenResponse(
        access_token=access,
        expires_in=issuer.settings.access_token_ttl_seconds,
        refresh_token=refresh,
        scope=scope,
        id_token=await _id_token(session, issuer, user, login, family_id)
        if wants_id_token
        else None,
    )


async def _id_token(
    session: AsyncSession, issuer: TokenIssuer, user: Row[Any], login: Login | None, sid: str
) -> str:
    assert login is not None  # noqa: S101 - checked by the caller
    kid, pem = await issuer.keys.signing_key(session)
    settings = issuer.settings
    claims = id_token(user, login, sid, settings.jwt_issuer, settings.access_token_ttl_seconds)
    return jwt.sign(claims, pem, kid)


async def check_login(
    session: AsyncSession, issuer: TokenIssuer, username: str, password: str, address: str
) -> Row[Any]:
    """The active user with these credentials; throttled (429), and silent about which part
    was wrong (InvalidGrant). The login page and the password grant both use it."""
    name = username.strip().lower()
    keys = [throttle.account_key(name), throttle.ip_key(address)]
    await throttle.check(session, keys)
    user = await accounts.get_user_by_username(session, name, share=True)
    stored = user.password_hash if user is not None and user.active else None
    if not await issuer.passwords.verify(stored, password) or user is None:
        await throttle.record_failure(
            session, issuer.settings, keys[0], issuer.settings.login_free_attempts
        )
        await throttle.record_failure(
            session, issuer.settings, keys[1], issuer.settings.login_ip_free_attempts
        )
        raise InvalidGrant(BAD_LOGIN)
    await throttle.clear(session, keys[0])
    if issuer.passwords.needs_rehash(user.password_hash):  # the operator raised the argon2 cost
        new_hash = await issuer.passwords.hash_async(password)
        await accounts.change(session, account, str(user.id), {"password_hash": new_hash})
    return user


async def password_grant(
    session: AsyncSession,
    issuer: TokenIssuer,
    username: str,
    password: str,
    scope: str | None,
    address: str,
) -> TokenResponse:
    """Tokens for a user's credentials (development and first-party tools)."""
    user = await check_login(session, issuer, username, password, address)
    if user.totp_confirmed_at is not None:
        raise InvalidGrant(
            "This account uses a second factor: log in through the login page "
            "(authorization code flow, /auth/v1/authorize)"
        )
    return await user_tokens(session, issuer, user, _scope(scope, USER_SCOPES))


async def refresh_grant(
    session: AsyncSession,
    issuer: TokenIssuer,
    refresh_token: str,
    scope: str | None,
    client: Row[Any] | None = None,
) -> TokenResponse:
    """Rotates a refresh token; reuse of a rotated one revokes its whole family. A token
    issued to a client is refreshed only by that client."""
    row = await repo.get_by_hash(session, token_hash(refresh_token), for_update=True)
    if row is None or row.revoked_at is not None:
        raise InvalidGrant("The refresh token is not valid")
    if row.client_id is not None and (client is None or client.client_id != row.client_id):
        raise InvalidGrant("The refresh token was issued to another client (send its client_id)")
    if row.used_at is not None:
        await end_login(session, row)
        raise InvalidGrant(
            "The refresh token was already used; every token of this login is now revoked"
        )
    if row.expires_at <= datetime.now(UTC):
        raise InvalidGrant("The refresh token has expired")
    user = await accounts.get_user(session, str(row.account_id), share=True)
    if user is None or not user.active:
        await end_login(session, row)
        raise InvalidGrant("The refresh token is not valid")
    await repo.mark_used(session, str(row.id))
    new_scope = _scope(scope, tuple(row.scope.split()))
    login = Login(row.client_id, int(row.auth_time or 0)) if row.client_id else None
    return await user_tokens(session, issuer, user, new_scope, str(row.family_id), login)


async def authenticate_client(
    session: AsyncSession, auth: ClientAuth, *, confidential: bool = False
) -> Row[Any]:
    """The active client `auth` names, or InvalidClient (401): a confidential client with its
    secret, a public client (unless `confidential` is required) by its client_id alone."""
    client = await accounts.get_client_by_client_id(session, auth.client_id, share=True)
    public = client is not None and client.client_type == "public"
    if public and client is not None and client.active and auth.secret is None:
        if confidential:
            raise InvalidClient("This needs a confidential client", challenge=auth.via_header)
        return client
    stored = client.secret_hash if client is not None and not public else None
    matches = auth.secret is not None and secret_matches(stored, auth.secret)
    if not matches or client is None or not client.active:
        raise InvalidClient("Unknown client or wrong secret", challenge=auth.via_header)
    return client


async def client_credentials_grant(
    session: AsyncSession, issuer: TokenIssuer, client: Row[Any], scope: str | None
) -> TokenResponse:
    granted = _scope(scope, list(client.scopes))
    access = await _access_token(
        session,
        issuer,
        sub=client.client_id,
        sub_type="client",
        org_id=str(client.organization_id),
        roles=list(client.roles),
        scope=granted,
        name=client.name,
    )
    return TokenResponse(
        access_token=access, expires_in=issuer.settings.access_token_ttl_seconds, scope=granted
    )


async def revoke(session: AsyncSession, token: str | None, client: ClientAuth | None) -> None:
    """RFC 7009: revokes a refresh token and its family; unknown tokens are silently accepted.

    Client authentication is optional; when sent it must be valid. The access tokens of the
    login (its `sid`) stop working too, in every service within seconds (the revocation list).
    """
    if client:
        await authenticate_client(session, client)
    row = await repo.get_by_hash(session, token_hash(require(token, "token")), for_update=True)
    if row is not None:
        await end_login(session, row)


async def end_login(session: AsyncSession, row: Row[Any]) -> None:
    """Revokes the refresh-token family of `row` and the access tokens issued in it."""
    await end_session(session, str(row.family_id), str(row.account_id))


async def end_session(session: AsyncSession, family_id: str, account_id: str) -> None:
    """Ends the login `family_id` (the tokens' `sid`): its refresh tokens and, within seconds
    in every service, its access tokens. The revocation is recorded even when no refresh
    token exists yet (a reused authorization code may have issued only this moment)."""
    revoked = await repo.revoke_family(session, family_id)
    if revoked == 0 and await repo.family_revoked(session, family_id):
        return  # already ended: nothing new to tell the services
    user = await accounts.get_user(session, account_id)
    audience = [str(user.organization_id)] if user is not None else []
    await record_revocation(session, "session", family_id, audience)


async def issue(
    session: AsyncSession,
    issuer: TokenIssuer,
    form: TokenForm,
    client: ClientAuth | None,
    address: str,
) -> TokenResponse:
    """The token endpoint (RFC 6749), for grants other than authorization_code (oidc.grant).

    Client authentication is optional, but when sent it must be valid, and the
    client_credentials grant needs it.
    """
    grant = require(form.grant_type, "grant_type")
    if grant not in GRANTS:
        raise UnsupportedGrantType(f"Supported grant types: {', '.join(GRANTS)}")
    authenticated = await authenticate_client(session, client) if client else None
    check_grant_allowed(grant, authenticated, issuer.settings)
    if grant == "password":
        username, password = require(form.username, "username"), require(form.password, "password")
        return await password_grant(session, issuer, username, password, form.scope, address)
    if grant == "refresh_token":
        token = require(form.refresh_token, "refresh_token")
        return await refresh_grant(session, issuer, token, form.scope, authenticated)
    if authenticated is None or authenticated.client_type == "public":
        raise InvalidClient(
            "client_credentials needs client authentication", challenge=bool(client)
        )
    return await client_credentials_grant(session, issuer, authenticated, form.scope)
