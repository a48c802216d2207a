"""Minting tokens: access tokens for users and clients, and a login's access, refresh and ID
token (the grants that decide who gets them are in `service`, `logins` and `code_grant`)."""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.directory import repository as orgs
from services.auth.errors import InvalidGrant, InvalidScope
from services.auth.keys import KeyRing
from services.auth.security import Passwords, new_opaque_token, token_hash
from services.auth.settings import AuthSettings
from services.auth.tokens import repository as repo
from services.auth.tokens.idtoken import id_token
from services.auth.tokens.schemas import Login, TokenResponse
from services.common import jwt
from services.common.problem_types import texts


@dataclass(frozen=True)
class TokenIssuer:
    """What token endpoints need besides the session: settings, keys, password hashing."""

    settings: AuthSettings
    keys: KeyRing
    passwords: Passwords


def granted_scope(requested: str | None, allowed: tuple[str, ...] | list[str]) -> str:
    """The scopes of `requested` in the order of `allowed` (all of them when none are named);
    any other is `invalid_scope`."""
    if requested is None or not requested.strip():
        return " ".join(allowed)
    wanted = requested.split()
    unknown = sorted(set(wanted) - set(allowed))
    if unknown:
        raise InvalidScope(
            texts(
                f"Scopes not allowed here: {' '.join(unknown)[:200]}",
                f"Hier nicht erlaubte Scopes: {' '.join(unknown)[:200]}",
            )
        )
    return " ".join(s for s in allowed if s in wanted)


async def access_token(
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
    """A signed access token for a user (`sid`: its login) or a client of organization `org_id`."""
    org = await orgs.get(session, org_id)
    if org is None:
        raise InvalidGrant(
            texts(
                "The organization of this account no longer exists",
                "Die Organisation dieses Kontos gibt es nicht mehr",
            )
        )
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
    access = await access_token(
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
