"""OAuth2 grants, revocation and client authentication.

- password: user credentials; throttled per account and per address; unknown users cost the
  same argon2 work as wrong passwords, and both get the same `invalid_grant`.
- refresh_token (`logins`): single use; reusing one ends its login.
- client_credentials: machine clients, no refresh token (RFC 6749 section 4.4.3).
- authorization_code (`code_grant`): the login page's code, with PKCE.
The password grant is for development and first-party tools (AUTH_PASSWORD_GRANT_ENABLED);
public clients never use it. Tokens themselves are minted in `issuance`.
Errors that change state (throttle counters, family revocation) must be committed by the
caller even though the request fails.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.errors import (
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    UnsupportedGrantType,
)
from services.auth.models import account
from services.auth.security import secret_matches, token_hash
from services.auth.tokens import repository as repo
from services.auth.tokens import throttle
from services.auth.tokens.grant_rules import check_grant_allowed
from services.auth.tokens.issuance import TokenIssuer, access_token, granted_scope, user_tokens
from services.auth.tokens.logins import end_login, refresh_grant
from services.auth.tokens.schemas import GRANT_TYPES, ClientAuth, TokenForm, TokenResponse
from services.common.problem_types import texts

USER_SCOPES = ("openid", "profile", "offline_access")
BAD_LOGIN = texts(
    "The username or password is wrong", "Der Benutzername oder das Passwort ist falsch"
)
GRANTS = GRANT_TYPES


def require(value: str | None, name: str) -> str:
    """A request parameter OAuth2 needs here; its absence is `invalid_request`."""
    if not value:
        raise InvalidRequest(
            texts(
                f"The parameter {name} is required",
                f"Der Parameter {name} ist erforderlich",
            )
        )
    return value


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
            texts(
                "This account uses a second factor: log in through the login page (authorization "
                "code flow, /auth/v1/authorize)",
                "Dieses Konto verwendet einen zweiten Faktor: melden Sie sich über die "
                "Anmeldeseite an (Authorization-Code-Flow, /auth/v1/authorize)",
            )
        )
    return await user_tokens(session, issuer, user, granted_scope(scope, USER_SCOPES))


async def authenticate_client(
    session: AsyncSession, auth: ClientAuth, *, confidential: bool = False
) -> Row[Any]:
    """The active client `auth` names, or InvalidClient (401): a confidential client with its
    secret, a public client (unless `confidential` is required) by its client_id alone."""
    client = await accounts.get_client_by_client_id(session, auth.client_id, share=True)
    public = client is not None and client.client_type == "public"
    if public and client is not None and client.active and auth.secret is None:
        if confidential:
            raise InvalidClient(
                texts(
                    "This needs a confidential client",
                    "Dafür ist ein vertraulicher Client nötig",
                ),
                challenge=auth.via_header,
            )
        return client
    stored = client.secret_hash if client is not None and not public else None
    matches = auth.secret is not None and secret_matches(stored, auth.secret)
    if not matches or client is None or not client.active:
        raise InvalidClient(
            texts(
                "Unknown client or wrong secret",
                "Unbekannter Client oder falsches Secret",
            ),
            challenge=auth.via_header,
        )
    return client


async def client_credentials_grant(
    session: AsyncSession, issuer: TokenIssuer, client: Row[Any], scope: str | None
) -> TokenResponse:
    granted = granted_scope(scope, list(client.scopes))
    access = await access_token(
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


async def issue(
    session: AsyncSession,
    issuer: TokenIssuer,
    form: TokenForm,
    client: ClientAuth | None,
    address: str,
) -> TokenResponse:
    """The token endpoint (RFC 6749), for grants other than authorization_code (`code_grant`).

    Client authentication is optional, but when sent it must be valid, and the
    client_credentials grant needs it.
    """
    grant = require(form.grant_type, "grant_type")
    if grant not in GRANTS:
        raise UnsupportedGrantType(
            texts(
                f"Supported grant types: {', '.join(GRANTS)}",
                f"Unterstützte Grant-Typen: {', '.join(GRANTS)}",
            )
        )
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
            texts(
                "client_credentials needs client authentication",
                "client_credentials erfordert eine Client-Authentifizierung",
            ),
            challenge=bool(client),
        )
    return await client_credentials_grant(session, issuer, authenticated, form.scope)
