"""Logins: a login is a refresh-token family, named by its tokens' `sid`.

A refresh token is single use: each use marks it used and returns a successor of the same
family; presenting a used one again ends the whole login (a stolen token was replayed), as does
a reused authorization code (`code_grant`). Ending a login revokes its refresh tokens and, in
every service within seconds, its access tokens.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.errors import InvalidGrant
from services.auth.revocations import record_revocation
from services.auth.security import token_hash
from services.auth.tokens import repository as repo
from services.auth.tokens.issuance import TokenIssuer, granted_scope, user_tokens
from services.auth.tokens.schemas import Login, TokenResponse
from services.common.problem_types import Texts, texts


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
        raise InvalidGrant(
            texts(
                "The refresh token is not valid",
                "Das Refresh-Token ist ungültig",
            )
        )
    if row.client_id is not None and (client is None or client.client_id != row.client_id):
        raise InvalidGrant(
            texts(
                "The refresh token was issued to another client (send its client_id)",
                "Das Refresh-Token wurde einem anderen Client ausgestellt (senden Sie dessen "
                "client_id)",
            )
        )
    await refuse_reused(
        session,
        row,
        texts(
            "The refresh token was already used; every token of this login is now revoked",
            "Das Refresh-Token wurde schon verwendet; alle Token dieser Anmeldung sind jetzt "
            "widerrufen",
        ),
    )
    refuse_expired(row, texts("The refresh token has expired", "Das Refresh-Token ist abgelaufen"))
    user = await accounts.get_user(session, str(row.account_id), share=True)
    if user is None or not user.active:
        await end_login(session, row)
        raise InvalidGrant(
            texts(
                "The refresh token is not valid",
                "Das Refresh-Token ist ungültig",
            )
        )
    await repo.mark_used(session, str(row.id))
    new_scope = granted_scope(scope, tuple(row.scope.split()))
    login = Login(row.client_id, int(row.auth_time or 0)) if row.client_id else None
    return await user_tokens(session, issuer, user, new_scope, str(row.family_id), login)


def refuse_expired(row: Row[Any], detail: Texts) -> None:
    """`invalid_grant` with `detail` once a login's single-use credential (a refresh token or an
    authorization code) is past its `expires_at`."""
    if row.expires_at <= datetime.now(UTC):
        raise InvalidGrant(detail)


async def refuse_reused(session: AsyncSession, row: Row[Any], detail: Texts) -> None:
    """`invalid_grant` with `detail` when a login's single-use credential comes back a second
    time: a sign it was stolen, so the whole login ends first (RFC 6749 4.1.2, RFC 9700 4.14)."""
    if row.used_at is not None:
        await end_login(session, row)
        raise InvalidGrant(detail)


async def end_login(session: AsyncSession, row: Row[Any]) -> None:
    """Ends the login `row` belongs to (a refresh token or an authorization code): revokes its
    refresh-token family and the access tokens issued in it."""
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
