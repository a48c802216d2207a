"""What a token stands for: RFC 7662 introspection for clients, and `/me` for its bearer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.directory import service as directory
from services.auth.errors import InvalidClient
from services.auth.security import token_hash
from services.auth.tokens import repository as repo
from services.auth.tokens.schemas import ClientAuth, Introspection, Me
from services.auth.tokens.service import authenticate_client, require
from services.common import jwt
from services.common.auth import Principal, TokenVerifier, is_revoked
from services.common.problem_types import texts
from services.common.problems import Unauthorized
from services.common.revocation import RevocationList


async def introspect(
    session: AsyncSession,
    verifier: TokenVerifier,
    revocations: RevocationList,
    token: str | None,
    hint: str | None,
    credentials: ClientAuth | None,
) -> Introspection:
    """RFC 7662 for an authenticated client: what an access or refresh token stands for, if it
    is still active; `{"active": false}` for anything else."""
    if credentials is None:
        raise InvalidClient(
            texts(
                "Introspection is for authenticated clients",
                "Die Introspektion ist nur für authentifizierte Clients",
            )
        )
    await authenticate_client(session, credentials, confidential=True)
    token = require(token, "token")
    if hint != "access_token":
        result = await _introspect_refresh(session, token)
        if result is not None or hint == "refresh_token":
            return result or Introspection(active=False)
    try:
        principal = await verifier.verify(token)
    except jwt.InvalidToken:
        return Introspection(active=False)
    holder = await token_holder(session, principal)
    if holder is None or await refused(session, revocations, principal, holder):
        return Introspection(active=False)
    claims = principal.claims
    extra = (
        {"client_id": holder.client_id} if principal.is_client else {"username": holder.username}
    )
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


async def token_holder(session: AsyncSession, principal: Principal) -> Row[Any] | None:
    """The user or API client an access token names, if it exists."""
    if principal.is_client:
        return await accounts.get_client_by_client_id(session, principal.subject)
    return await accounts.get_user(session, principal.subject)


async def refused(
    session: AsyncSession, revocations: RevocationList, who: Principal, holder: Row[Any] | None
) -> bool:
    """True when the token was revoked: its holder is deactivated, its login ended, or the
    revocation list has it.

    Asks the database, so a deactivation or an ended login counts here at once (the services'
    in-memory list follows within seconds), and the list, so a token issued before a
    deactivation stays dead after a reactivation.
    """
    if is_revoked(revocations, who) or (holder is not None and not holder.active):
        return True
    return bool(who.session_id) and await repo.family_revoked(session, str(who.session_id))


async def describe(session: AsyncSession, revocations: RevocationList, who: Principal) -> Me:
    """`/me`: who the access token speaks for, with its organization as the directory has it."""
    holder = await token_holder(session, who)
    if await refused(session, revocations, who, holder):
        raise Unauthorized(
            texts(
                "The access token was revoked (deactivated account or ended login)",
                "Das Access-Token wurde widerrufen (deaktiviertes Konto oder beendete Anmeldung)",
            )
        )
    org, _ = await directory.get_organization(session, who.org)
    user = None if who.is_client else holder
    return Me(
        sub=who.subject,
        sub_type="client" if who.is_client else "user",
        name=str(who.claims.get("name", who.subject)),
        username=str(user.username) if user is not None else None,
        roles=sorted(who.roles),
        scope=" ".join(sorted(who.scopes)),
        organization=org,
        expires_at=who.expires_at,
    )
