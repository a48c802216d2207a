"""OAuth2 endpoints: token (RFC 6749), revocation (RFC 7009), introspection (RFC 7662)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Response

from services.auth.api.deps import (
    ClientAddress,
    ClientCredentials,
    Issuer,
    Revocations,
    TokenClient,
    Verifier,
)
from services.auth.api.oauth_route import OAuthRoute
from services.auth.errors import OAuthError
from services.auth.tokens import introspection, service
from services.auth.tokens.code_grant import issue_any
from services.auth.tokens.schemas import GRANT_TYPES, Introspection, TokenForm, TokenResponse
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["oauth"], route_class=OAuthRoute)
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
# client authentication is optional here (public clients log users in without it)
OPTIONAL_CLIENT_AUTH: dict[str, Any] = {
    "security": [{}]
}  # merged with the generated [{"HTTPBasic": []}]


GRANTS_DOC = """\
Form-encoded OAuth2 token endpoint (RFC 6749). The grants:

- `authorization_code` (frontends, RFC 7636 PKCE): `code`, `redirect_uri` and `code_verifier`
  from the login at `/auth/v1/authorize` give an access token, a rotating refresh token and,
  for scope `openid`, an `id_token`. A code works once, for 60 seconds.
- `refresh_token`: a new access token and a new refresh token; the old one is used up, and
  presenting it again revokes every token of that login. A refresh token of a client is
  refreshed only by that client.
- `client_credentials` (machine clients): an access token only.
- `password` (`username`, `password`): **development and first-party tools only**, switched off
  outside development (`AUTH_PASSWORD_GRANT_ENABLED`), never for public clients.

Client authentication (RFC 6749 section 2.3) is part of the request, not a security scheme:
confidential clients send `client_id` and `client_secret` as HTTP Basic (`client_secret_basic`)
or as form fields (`client_secret_post`); public clients (browser apps) send only `client_id`
(method `none`) and must use PKCE. An empty Basic header counts as no authentication. A failed
client authentication is 401 (`invalid_client`), with a Basic challenge only if Basic was tried.
Errors carry the OAuth2 `error` member. Repeated failed logins for an account or address are
answered with 429 and `Retry-After`."""


@router.post(
    "/auth/v1/token",
    openapi_extra={"security": []},
    responses=problem_responses(400, 401, 422, 429),
    summary="Get tokens (authorization_code, refresh_token, client_credentials, password)",
    description=GRANTS_DOC,
)
async def issue_token(
    response: Response,
    session: SessionDep,
    issuer: Issuer,
    address: ClientAddress,
    client: TokenClient,
    grant_type: Annotated[
        str,
        Form(
            max_length=64,
            examples=["authorization_code"],
            json_schema_extra={"enum": list(GRANT_TYPES)},
        ),
    ],
    code: Annotated[str | None, Form(max_length=128, description="authorization_code")] = None,
    redirect_uri: Annotated[
        str | None, Form(max_length=512, description="authorization_code: as in the login")
    ] = None,
    code_verifier: Annotated[
        str | None, Form(max_length=128, description="authorization_code: the PKCE verifier")
    ] = None,
    username: Annotated[str | None, Form(max_length=64, examples=["cw.goeppingen"])] = None,
    password: Annotated[str | None, Form(max_length=1024, examples=["pakt-demo-2026"])] = None,
    refresh_token: Annotated[str | None, Form(max_length=512)] = None,
    scope: Annotated[str | None, Form(max_length=1024, examples=["openid profile"])] = None,
) -> TokenResponse:
    response.headers.update(NO_STORE)
    form = TokenForm(
        grant_type, username, password, refresh_token, scope, code, redirect_uri, code_verifier
    )
    try:
        result = await issue_any(session, issuer, form, client, address)
    except OAuthError:
        await session.commit()  # keeps throttling counters and refresh family revocations
        raise
    await session.commit()
    return result


@router.post(
    "/auth/v1/revoke",
    status_code=200,
    openapi_extra=OPTIONAL_CLIENT_AUTH,
    responses={
        200: {"description": "Revoked, or the token was unknown (RFC 7009 answers 200 either way)"},
        **problem_responses(400, 401, 422),
    },
    summary="Revoke a refresh token",
    description=(
        "RFC 7009 revocation. A refresh token and every token of its family (the same login) stop "
        "working at once; the access tokens of that login (claim `sid`) are refused by every "
        "service within seconds (they follow auth's revocation list). Client authentication is "
        "optional; when sent it must be valid."
    ),
)
async def revoke_token(
    session: SessionDep,
    client: ClientCredentials,
    token: Annotated[str | None, Form(max_length=4096)] = None,
    token_type_hint: Annotated[str | None, Form(max_length=32, examples=["refresh_token"])] = None,
) -> Response:
    await service.revoke(session, token, client)
    await session.commit()
    return Response(status_code=200, headers=NO_STORE)


@router.post(
    "/auth/v1/introspect",
    response_model_exclude_none=True,
    responses=problem_responses(400, 401, 422),
    summary="Introspect a token (clients only)",
    description=(
        "RFC 7662 introspection for authenticated API clients (HTTP Basic or form fields). "
        'Answers `{"active": false}` for unknown, expired, revoked or used-up tokens and for '
        "tokens of deactivated users or clients."
    ),
)
async def introspect_token(
    response: Response,
    session: SessionDep,
    verifier: Verifier,
    revocations: Revocations,
    client: ClientCredentials,
    token: Annotated[str | None, Form(max_length=4096)] = None,
    token_type_hint: Annotated[str | None, Form(max_length=32, examples=["access_token"])] = None,
) -> Introspection:
    response.headers.update(NO_STORE)
    return await introspection.introspect(
        session, verifier, revocations, token, token_type_hint, client
    )
