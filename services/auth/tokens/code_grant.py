"""The authorization code grant with PKCE (RFC 6749 section 4.1, RFC 7636, S256 only).

A code works once, for the client it was issued to, with the redirect URI of its authorization
request and the verifier of its challenge, within `authorization_code_ttl_seconds`. Any attempt
uses the code up; presenting a used code again ends the login it started (RFC 6749 section
4.1.2: the tokens issued for it are revoked), since someone else holds it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.errors import InvalidClient, InvalidGrant, InvalidRequest
from services.auth.security import token_hash
from services.auth.tokens import repository as repo
from services.auth.tokens.grant_rules import check_grant_allowed
from services.auth.tokens.issuance import TokenIssuer, user_tokens
from services.auth.tokens.logins import refuse_expired, refuse_reused
from services.auth.tokens.schemas import ClientAuth, Login, TokenForm, TokenResponse
from services.auth.tokens.service import authenticate_client, issue, require
from services.common.problem_types import texts

VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")  # RFC 7636 section 4.1


def s256(verifier: str) -> str:
    """The S256 challenge of a PKCE verifier."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _check_verifier(verifier: str, challenge: str) -> None:
    if not VERIFIER.match(verifier):
        raise InvalidGrant(
            texts(
                "The code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~",
                "Der code_verifier muss aus 43 bis 128 Zeichen aus A-Z a-z 0-9 - . _ ~ bestehen",
            )
        )
    if not hmac.compare_digest(s256(verifier), challenge):
        raise InvalidGrant(
            texts(
                "The code_verifier does not match the code_challenge",
                "Der code_verifier passt nicht zur code_challenge",
            )
        )


async def _redeem(session: AsyncSession, client: Row[Any], form: TokenForm) -> Row[Any]:
    """The code's row, used up; InvalidGrant for anything but the one valid redemption."""
    code = require(form.code, "code")
    redirect_uri = require(form.redirect_uri, "redirect_uri")
    verifier = require(form.code_verifier, "code_verifier")
    row = await repo.take_code(session, token_hash(code))
    if row is None:
        raise InvalidGrant(
            texts(
                "The authorization code is not valid",
                "Der Autorisierungscode ist ungültig",
            )
        )
    await refuse_reused(
        session,
        row,
        texts(
            "The authorization code was already used; the tokens issued for it are revoked",
            "Der Autorisierungscode wurde schon verwendet; die dafür ausgestellten Token sind "
            "widerrufen",
        ),
    )
    if row.client_id != client.client_id:
        raise InvalidGrant(
            texts(
                "The authorization code was issued to another client",
                "Der Autorisierungscode wurde einem anderen Client ausgestellt",
            )
        )
    refuse_expired(
        row, texts("The authorization code has expired", "Der Autorisierungscode ist abgelaufen")
    )
    if row.redirect_uri != redirect_uri:
        raise InvalidGrant(
            texts(
                "The redirect_uri differs from the one of the authorization request",
                "Die redirect_uri weicht von der der Autorisierungsanfrage ab",
            )
        )
    _check_verifier(verifier, row.code_challenge)
    return row


async def code_grant(
    session: AsyncSession, issuer: TokenIssuer, form: TokenForm, auth: ClientAuth | None
) -> TokenResponse:
    """Tokens (and an ID token for scope `openid`) for an authorization code."""
    require(form.code, "code")
    if auth is None:
        raise InvalidClient(
            texts(
                "Send client_id (public clients) or authenticate the client",
                "Senden Sie die client_id (öffentliche Clients) oder authentifizieren Sie den "
                "Client",
            )
        )
    client = await authenticate_client(session, auth)
    check_grant_allowed("authorization_code", client, issuer.settings)
    row = await _redeem(session, client, form)
    if secrets.randbelow(100) == 0:  # now and then, drop long-expired codes
        await repo.purge_codes(session)
    user = await accounts.get_user(session, str(row.account_id), share=True)
    if user is None or not user.active:
        raise InvalidGrant(
            texts(
                "The account of this code is no longer active",
                "Das Konto dieses Codes ist nicht mehr aktiv",
            )
        )
    login = Login(client.client_id, int(row.auth_time), row.nonce)
    return await user_tokens(session, issuer, user, row.scope, str(row.family_id), login)


async def issue_any(
    session: AsyncSession,
    issuer: TokenIssuer,
    form: TokenForm,
    client: ClientAuth | None,
    address: str,
) -> TokenResponse:
    """The token endpoint: the code grant here, every other grant in tokens.service."""
    if form.grant_type == "authorization_code":
        return await code_grant(session, issuer, form, client)
    if form.code is not None or form.code_verifier is not None:
        raise InvalidRequest(
            texts(
                "code and code_verifier belong to grant_type=authorization_code",
                "code und code_verifier gehören zu grant_type=authorization_code",
            )
        )
    return await issue(session, issuer, form, client, address)
