"""Dependency aliases of the auth routes, and how a versioned resource is answered."""

from __future__ import annotations

from typing import Annotated, TypeVar
from urllib.parse import unquote

from fastapi import Depends, Form, Request, Response, Security
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from services.auth.errors import InvalidRequest
from services.auth.security import Passwords, client_ip
from services.auth.settings import AuthSettings
from services.auth.tokens.service import TokenIssuer
from services.common.auth import Principal, TokenVerifier, require_roles
from services.common.concurrency import set_etag
from services.common.revocation import RevocationList

T = TypeVar("T")

basic_scheme = HTTPBasic(
    auto_error=False,
    description="Client authentication: HTTP Basic with client_id and client_secret",
)


def tagged(response: Response, versioned: tuple[T, int]) -> T:
    """The body of a versioned resource (a service's `(body, version)`); the version is its ETag."""
    body, version = versioned
    set_etag(response, version)
    return body


def get_issuer(request: Request) -> TokenIssuer:
    issuer: TokenIssuer = request.app.state.issuer
    return issuer


def get_passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.issuer.passwords
    return passwords


def get_verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier = request.app.state.verifier
    return verifier


def get_revocations(request: Request) -> RevocationList:
    revocations: RevocationList = request.app.state.revocations
    return revocations


def get_client_address(request: Request) -> str:
    settings: AuthSettings = request.app.state.settings
    peer = request.client.host if request.client else None
    headers = {
        k: request.headers[k] for k in ("x-real-ip", "x-forwarded-for") if k in request.headers
    }
    return client_ip(peer, headers, settings.trusted_proxies)


async def client_credentials(
    basic: Annotated[HTTPBasicCredentials | None, Security(basic_scheme)],
    client_id: Annotated[
        str | None, Form(max_length=128, description="Client id (client_secret_post)")
    ] = None,
    client_secret: Annotated[
        str | None, Form(max_length=256, description="Client secret (client_secret_post)")
    ] = None,
) -> tuple[str, str] | None:
    """The (client_id, secret) the request authenticates with, if any (one way only)."""
    if basic is not None:
        if client_secret is not None:
            raise InvalidRequest(
                "Authenticate the client with HTTP Basic or with form fields, not both"
            )
        return unquote(basic.username)[:128], unquote(basic.password)[:256]
    if client_id is not None and client_secret is not None:
        return client_id, client_secret
    return None


Issuer = Annotated[TokenIssuer, Depends(get_issuer)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]
Verifier = Annotated[TokenVerifier, Depends(get_verifier)]
Revocations = Annotated[RevocationList, Depends(get_revocations)]
ClientAddress = Annotated[str, Depends(get_client_address)]
ClientCredentials = Annotated[tuple[str, str] | None, Depends(client_credentials)]
Admin = Annotated[Principal, Depends(require_roles("admin"))]
AccountManager = Annotated[Principal, Depends(require_roles("admin", "org_admin"))]
