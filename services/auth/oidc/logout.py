"""RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).

The client names the login with the ID token it got (`id_token_hint`); its `sid` is the login
(refresh-token family) that ends: its refresh tokens at once, its access tokens in every
service within seconds (the revocation list). The user is sent back only to a
`post_logout_redirect_uri` registered for the client the ID token was issued to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.ids import is_uuid
from services.auth.oidc.authorize import redirect_matches
from services.auth.tokens.issuance import TokenIssuer
from services.auth.tokens.logins import end_session
from services.common import jwt


@dataclass(frozen=True)
class LogoutRequest:
    id_token_hint: str = ""
    post_logout_redirect_uri: str = ""
    state: str = ""
    client_id: str = ""


@dataclass(frozen=True)
class LogoutOutcome:
    """Where to send the user (`location`), or the message key of the page to show."""

    location: str = ""
    message: str = "logged_out"
    failed: bool = False


async def _hint_claims(issuer: TokenIssuer, hint: str) -> dict[str, Any] | None:
    try:
        key = await issuer.keys.key_for(jwt.header_kid(hint))
        if key is None:
            return None
        return jwt.verify_hint(hint, key, issuer=issuer.settings.jwt_issuer)
    except jwt.InvalidToken:
        return None


def _audience(claims: dict[str, Any]) -> str:
    aud = claims.get("aud")
    return str(aud[0] if isinstance(aud, list) and aud else aud or "")


async def logout(session: AsyncSession, issuer: TokenIssuer, req: LogoutRequest) -> LogoutOutcome:
    """Ends the login the hint names; where the user goes next."""
    client_id = req.client_id
    if req.id_token_hint:
        claims = await _hint_claims(issuer, req.id_token_hint[:8192])
        if claims is None or (client_id and client_id != _audience(claims)):
            return LogoutOutcome(message="bad_hint", failed=True)
        client_id = _audience(claims)
        sid, sub = str(claims.get("sid", "")), str(claims.get("sub", ""))
        if is_uuid(sid) and is_uuid(sub):
            await end_session(session, sid, sub)
    if not req.post_logout_redirect_uri:
        return LogoutOutcome()
    client = await accounts.get_client_by_client_id(session, client_id) if client_id else None
    registered = list(client.post_logout_redirect_uris) if client is not None else []
    if not redirect_matches(req.post_logout_redirect_uri, registered):
        return LogoutOutcome(message="post_logout", failed=True)
    params = urlencode({"state": req.state}) if req.state else ""
    sep = "&" if urlsplit(req.post_logout_redirect_uri).query else "?"
    return LogoutOutcome(location=f"{req.post_logout_redirect_uri}{sep}{params}".rstrip("?&"))
