"""OAuth2 endpoints: token (RFC 6749), revocation (RFC 7009), introspection (RFC 7662)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Response

from services.auth.api.deps import ClientAddress, ClientCredentials, Issuer, Revocations, Verifier
from services.auth.errors import OAuthError
from services.auth.tokens import introspection, service
from services.auth.tokens.schemas import Introspection, TokenForm, TokenResponse
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["oauth"])
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
# client authentication is optional here (public clients log users in without it)
OPTIONAL_CLIENT_AUTH: dict[str, Any] = {
    "security": [{}]
}  # merged with the generated [{"HTTPBasic": []}]


@router.post(
    "/auth/v1/token",
    openapi_extra=OPTIONAL_CLIENT_AUTH,
    responses=problem_responses(400, 401, 422, 429),
    summary="Get tokens (password, refresh_token, client_credentials)",
    description=(
        "Form-encoded OAuth2 token endpoint (RFC 6749). `grant_type=password` with `username` and "
        "`password` returns an access token and a refresh token; `grant_type=refresh_token` "
        "exchanges a refresh token for new tokens (the old refresh token is used up; presenting "
        "it again revokes every token of that login); `grant_type=client_credentials` "
        "authenticates a machine client (HTTP Basic or `client_id`/`client_secret` fields) and "
        "returns an access token only. Errors carry the OAuth2 `error` member. Repeated failed "
        "logins for an account or address are answered with 429 and `Retry-After`."
    ),
)
async def issue_token(
    response: Response,
    session: SessionDep,
    issuer: Issuer,
    address: ClientAddress,
    client: ClientCredentials,
    grant_type: Annotated[str | None, Form(max_length=64, examples=["password"])] = None,
    username: Annotated[str | None, Form(max_length=64, examples=["cw.goeppingen"])] = None,
    password: Annotated[str | None, Form(max_length=1024, examples=["pakt-demo-2026"])] = None,
    refresh_token: Annotated[str | None, Form(max_length=512)] = None,
    scope: Annotated[str | None, Form(max_length=1024, examples=["openid profile"])] = None,
) -> TokenResponse:
    response.headers.update(NO_STORE)
    form = TokenForm(grant_type, username, password, refresh_token, scope)
    try:
        result = await service.issue(session, issuer, form, client, address)
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
