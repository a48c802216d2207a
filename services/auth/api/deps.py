"""Dependency aliases of the auth routes, and how a versioned resource is answered."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, TypeVar
from urllib.parse import unquote

from fastapi import Depends, Form, Request, Response, Security
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from services.auth.errors import InvalidRequest
from services.auth.security import Passwords, client_ip
from services.auth.settings import AuthSettings
from services.auth.tokens.issuance import TokenIssuer
from services.auth.tokens.schemas import ClientAuth
from services.common.auth import Principal, TokenVerifier, require_roles
from services.common.concurrency import set_etag
from services.common.problem_types import texts
from services.common.revocation import RevocationList
from services.common.routes import Problems

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


ClientIdField = Annotated[
    str | None,
    Form(
        max_length=128,
        description="Client id: a public client names itself with it (auth method `none`); "
        "a confidential client sends it with client_secret (client_secret_post)",
    ),
]
ClientSecretField = Annotated[
    str | None, Form(max_length=256, description="Client secret (client_secret_post)")
]


def _client_auth(
    basic: tuple[str, str] | None, client_id: str | None, client_secret: str | None
) -> ClientAuth | None:
    """The client the request names, and how (RFC 6749 section 2.3, one way only). An empty
    Basic header (`Basic Og==`, what Swagger UI sends without a client) is no authentication;
    a Basic user without password is a public client naming itself."""
    user, password = (unquote(basic[0])[:128], unquote(basic[1])[:256]) if basic else ("", "")
    if user:
        if client_secret is not None or (client_id is not None and client_id != user):
            raise InvalidRequest(
                texts(
                    "Authenticate the client with HTTP Basic or with form fields, not both",
                    "Den Client entweder mit HTTP Basic oder mit Formularfeldern "
                    "authentifizieren, nicht mit beidem",
                )
            )
        return ClientAuth(user, password or None, via_header=True)
    if client_id:
        return ClientAuth(client_id, client_secret or None)
    return None


async def client_credentials(
    basic: Annotated[HTTPBasicCredentials | None, Security(basic_scheme)],
    client_id: ClientIdField = None,
    client_secret: ClientSecretField = None,
) -> ClientAuth | None:
    """The client of a revocation or introspection request (Basic declared in the contract)."""
    pair = (basic.username, basic.password) if basic is not None else None
    return _client_auth(pair, client_id, client_secret)


MALFORMED_BASIC = texts(
    "The Basic authorization header is malformed", "Der Basic-Authorization-Header ist fehlerhaft"
)


def _basic_header(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, sep, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidRequest(MALFORMED_BASIC) from exc
    if not sep:
        raise InvalidRequest(MALFORMED_BASIC)
    return user, password


async def token_client(
    request: Request, client_id: ClientIdField = None, client_secret: ClientSecretField = None
) -> ClientAuth | None:
    """The client of a token request. Read from the header here, not declared as a security
    scheme: the token endpoint's contract says `security: []` and describes the client
    authentication methods in prose (public clients send none)."""
    return _client_auth(_basic_header(request), client_id, client_secret)


Issuer = Annotated[TokenIssuer, Depends(get_issuer)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]
Verifier = Annotated[TokenVerifier, Depends(get_verifier)]
Revocations = Annotated[RevocationList, Depends(get_revocations)]
ClientAddress = Annotated[str, Depends(get_client_address)]
ClientCredentials = Annotated[ClientAuth | None, Depends(client_credentials)]
TokenClient = Annotated[ClientAuth | None, Depends(token_client)]
Admin = Annotated[Principal, Depends(require_roles("admin"))]
AccountManager = Annotated[Principal, Depends(require_roles("admin", "org_admin"))]
MANAGED_ACCOUNTS = Problems(
    listing=(400, 401, 403, 422),
    create=(400, 401, 403, 404, 409, 422),
    read=(401, 403, 404, 422),
    change=(400, 401, 403, 404, 412, 422, 428),
)
"""What the operations on accounts (users, API clients) answer besides their success: an
AccountManager of another organization's account gets 404."""
