"""OAuth2 grants, revocation and introspection.

- password: user credentials; throttled per account and per address; unknown users cost the
  same argon2 work as wrong passwords, and both get the same `invalid_grant`.
- refresh_token: single use. Each use marks the token used and returns a successor of the same
  family; presenting a used token again revokes the whole family (a stolen token was replayed).
- client_credentials: machine clients, no refresh token (RFC 6749 section 4.4.3).
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
from services.auth.errors import InvalidClient, InvalidGrant, InvalidScope
from services.auth.keys import KeyRing
from services.auth.models import account
from services.auth.security import Passwords, new_opaque_token, secret_matches, token_hash
from services.auth.settings import AuthSettings
from services.auth.tokens import repository as repo
from services.auth.tokens import throttle
from services.auth.tokens.schemas import Introspection, TokenResponse
from services.common import jwt
from services.common.auth import TokenVerifier

USER_SCOPES = ("openid", "profile", "offline_access")
BAD_LOGIN = "The username or password is wrong"


@dataclass(frozen=True)
class TokenIssuer:
    """What token endpoints need besides the session: settings, keys, password hashing."""

    settings: AuthSettings
    keys: KeyRing
    passwords: Passwords


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
    kid, pem = await issuer.keys.signing_key(session)
    return jwt.sign(claims, pem, kid)


async def _user_tokens(
    session: AsyncSession,
    issuer: TokenIssuer,
    user: Row[Any],
    scope: str,
    family_id: str | None = None,
) -> TokenResponse:
    access = await _access_token(
        session,
        issuer,
        sub=str(user.id),
        sub_type="user",
        org_id=str(user.organization_id),
        roles=list(user.roles),
        scope=scope,
        name=user.username,  # the login only: display names may be personal data
    )
    refresh = new_opaque_token()
    if secrets.randbelow(1000) == 0:  # now and then, drop long-expired refresh tokens
        await repo.purge_expired(session)
    await repo.add(
        session,
        token_hash=token_hash(refresh),
        family_id=family_id or str(uuid.uuid4()),
        account_id=str(user.id),
        scope=scope,
        ttl_seconds=issuer.settings.refresh_token_ttl_seconds,
    )
    return TokenResponse(
        access_token=access,
        expires_in=issuer.settings.access_token_ttl_seconds,
        refresh_token=refresh,
        scope=scope,
    )


async def password_grant(
    session: AsyncSession,
    issuer: TokenIssuer,
    username: str,
    password: str,
    scope: str | None,
    address: str,
) -> TokenResponse:
    """Tokens for a user's credentials; throttled, and silent about which part was wrong."""
    name = username.strip().lower()
    keys = [throttle.account_key(name), throttle.ip_key(address)]
    await throttle.check(session, keys)
    user = await accounts.get_user_by_username(session, name)
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
    return await _user_tokens(session, issuer, user, _scope(scope, USER_SCOPES))


async def refresh_grant(
    session: AsyncSession, issuer: TokenIssuer, refresh_token: str, scope: str | None
) -> TokenResponse:
    """Rotates a refresh token; reuse of a rotated one revokes its whole family."""
    row = await repo.get_by_hash(session, token_hash(refresh_token), for_update=True)
    if row is None or row.revoked_at is not None:
        raise InvalidGrant("The refresh token is not valid")
    if row.used_at is not None:
        await repo.revoke_family(session, str(row.family_id))
        raise InvalidGrant(
            "The refresh token was already used; every token of this login is now revoked"
        )
    if row.expires_at <= datetime.now(UTC):
        raise InvalidGrant("The refresh token has expired")
    user = await accounts.get_user(session, str(row.account_id))
    if user is None or not user.active:
        await repo.revoke_family(session, str(row.family_id))
        raise InvalidGrant("The refresh token is not valid")
    await repo.mark_used(session, str(row.id))
    new_scope = _scope(scope, tuple(row.scope.split()))
    return await _user_tokens(session, issuer, user, new_scope, family_id=str(row.family_id))


async def authenticate_client(session: AsyncSession, client_id: str, secret: str) -> Row[Any]:
    """The active client with these credentials, or InvalidClient (401)."""
    client = await accounts.get_client_by_client_id(session, client_id)
    stored = client.secret_hash if client is not None else None
    if not secret_matches(stored, secret) or client is None or not client.active:
        raise InvalidClient("Unknown client or wrong secret")
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


async def revoke(session: AsyncSession, token: str) -> None:
    """RFC 7009: revokes a refresh token and its family; unknown tokens are silently accepted.

    Access tokens are self-contained JWTs verified without calling auth; they cannot be
    recalled and run out within their lifetime.
    """
    row = await repo.get_by_hash(session, token_hash(token), for_update=True)
    if row is not None:
        await repo.revoke_family(session, str(row.family_id))


async def introspect(
    session: AsyncSession, verifier: TokenVerifier, token: str, hint: str | None
) -> Introspection:
    """RFC 7662: what an access or refresh token stands for, if it is still active."""
    if hint != "access_token":
        result = await _introspect_refresh(session, token)
        if result is not None or hint == "refresh_token":
            return result or Introspection(active=False)
    try:
        principal = await verifier.verify(token)
    except jwt.InvalidToken:
        return Introspection(active=False)
    claims = principal.claims
    if principal.is_client:
        client = await accounts.get_client_by_client_id(session, principal.subject)
        if client is None or not client.active:
            return Introspection(active=False)
        extra = {"client_id": client.client_id}
    else:
        user = await accounts.get_user(session, principal.subject)
        if user is None or not user.active:
            return Introspection(active=False)
        extra = {"username": user.username}
    return Introspection(
        active=True,
        token_type="access_token",  # noqa: S106 - RFC 7662 type name
        sub=principal.subject,
        sub_type="client" if principal.is_client else "user",
        scope=claims.get("scope", ""),
        org=principal.org,
        org_kind=principal.org_kind,
        org_path=list(principal.org_path),
        roles=sorted(principal.roles),
        exp=principal.expires_at,
        iat=claims.get("iat"),
        iss=claims.get("iss"),
        aud=claims.get("aud"),
        jti=principal.token_id,
        **extra,
    )


async def _introspect_refresh(session: AsyncSession, token: str) -> Introspection | None:
    row = await repo.get_by_hash(session, token_hash(token))
    if row is None:
        return None
    usable = row.revoked_at is None and row.used_at is None and row.expires_at > datetime.now(UTC)
    user = await accounts.get_user(session, str(row.account_id)) if usable else None
    if user is None or not user.active:
        return Introspection(active=False)
    return Introspection(
        active=True,
        token_type="refresh_token",  # noqa: S106 - RFC 7662 type name
        sub=str(user.id),
        sub_type="user",
        username=user.username,
        scope=row.scope,
        org=str(user.organization_id),
        exp=int(row.expires_at.timestamp()),
        iat=int(row.created_at.timestamp()),
    )
