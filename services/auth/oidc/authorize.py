"""The authorization request (RFC 6749 section 4.1.1, RFC 7636, OIDC Core 3.1.2).

Two kinds of refusal: while the client or its redirect URI is in doubt, the user sees an error
page and is never sent anywhere (`ClientError`: no open redirect); once the redirect URI is
known to be registered, errors go back to it with `error` and `state` (`RedirectError`).
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts
from services.auth.accounts.redirects import LOOPBACK_HOSTS
from services.auth.security import token_hash
from services.auth.settings import AuthSettings
from services.auth.tokens import repository as tokens
from services.auth.tokens.service import USER_SCOPES

CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # base64url of a SHA-256 digest


class ClientError(Exception):
    """The client or redirect URI is not trustworthy: an error page, no redirect.
    The message is a key the login pages translate."""


class RedirectError(Exception):
    """An error the client hears about at its registered redirect URI."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


@dataclass(frozen=True)
class AuthorizeRequest:
    """The parameters of an authorization request (query or form), as sent."""

    client_id: str = ""
    redirect_uri: str = ""
    response_type: str = ""
    scope: str = ""
    state: str = ""
    nonce: str = ""
    code_challenge: str = ""
    code_challenge_method: str = ""
    request: str = ""
    request_uri: str = ""

    @classmethod
    def from_params(cls, params: Any) -> AuthorizeRequest:
        """From a query or form mapping; each value at most 2048 characters."""
        return cls(**{f.name: str(params.get(f.name) or "")[:2048] for f in fields(cls)})

    def carried(self) -> dict[str, str]:
        """What the login form carries along in hidden fields."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def redirect_matches(uri: str, registered: list[str]) -> bool:
    """Exact match; for http loopback URIs any port (RFC 8252 section 7.3: native apps and
    local development listen on whatever port is free)."""
    if uri in registered:
        return True
    try:
        parts = urlsplit(uri)
        host, _ = parts.hostname, parts.port  # an invalid port raises here
    except ValueError:
        return False
    if parts.scheme != "http" or host not in LOOPBACK_HOSTS or parts.username is not None:
        return False
    netloc = f"[{host}]" if ":" in host else host
    portless = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return portless in registered


async def check_client(session: AsyncSession, req: AuthorizeRequest) -> Row[Any]:
    """The client, when it may use this flow with this redirect URI; ClientError otherwise."""
    client = None
    if req.client_id:
        client = await accounts.get_client_by_client_id(session, req.client_id)
    if client is None or not client.active:
        raise ClientError("unknown_client")
    if "authorization_code" not in client.grant_types:
        raise ClientError("unknown_client")
    if not req.redirect_uri or not redirect_matches(req.redirect_uri, list(client.redirect_uris)):
        raise ClientError("redirect_uri")
    return client


def check_params(req: AuthorizeRequest) -> None:
    """The rest of the request; RedirectError to tell the client what is wrong."""
    if req.request or req.request_uri:  # signed request objects: not supported, never trusted
        error = "request_not_supported" if req.request else "request_uri_not_supported"
        raise RedirectError(error, "Request objects are not supported; send plain parameters")
    if req.response_type != "code":
        raise RedirectError("unsupported_response_type", "Only response_type=code is supported")
    if req.code_challenge_method != "S256" or not CHALLENGE.match(req.code_challenge):
        raise RedirectError(
            "invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256"
        )
    unknown = set(req.scope.split()) - set(USER_SCOPES)
    if unknown:
        raise RedirectError("invalid_scope", f"Unknown scopes: {' '.join(sorted(unknown))[:200]}")


async def check_request(session: AsyncSession, req: AuthorizeRequest) -> Row[Any]:
    """The client of a request that may proceed to the login."""
    client = await check_client(session, req)
    check_params(req)
    return client


def back_to_client(req: AuthorizeRequest, **params: str) -> str:
    """The registered redirect URI with `params` (and the state) added to its query."""
    if req.state:
        params["state"] = req.state
    sep = "&" if urlsplit(req.redirect_uri).query else "?"
    return f"{req.redirect_uri}{sep}{urlencode(params)}"


async def issue_code(
    session: AsyncSession, settings: AuthSettings, req: AuthorizeRequest, user_id: str, at: int
) -> str:
    """Stores a new code (hashed) for this request and user; the URL to send the user to."""
    code = secrets.token_urlsafe(32)
    scope = " ".join(s for s in USER_SCOPES if s in req.scope.split()) or "openid"
    values = {
        "code_hash": token_hash(code),
        "client_id": req.client_id,
        "redirect_uri": req.redirect_uri,
        "code_challenge": req.code_challenge,
        "account_id": user_id,
        "scope": scope,
        "nonce": req.nonce or None,
        "auth_time": at or int(time.time()),
        "family_id": str(uuid.uuid4()),
    }
    await tokens.add_code(session, values, settings.authorization_code_ttl_seconds)
    return back_to_client(req, code=code)
