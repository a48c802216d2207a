from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_issue_token import BodyIssueToken
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: BodyIssueToken,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Response[Problem | TokenResponse]:
    """Get tokens (authorization_code, refresh_token, client_credentials, password)

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
    answered with 429 and `Retry-After`.

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Problem | TokenResponse | None:
    """Get tokens (authorization_code, refresh_token, client_credentials, password)

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
    answered with 429 and `Retry-After`.

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Response[Problem | TokenResponse]:
    """Get tokens (authorization_code, refresh_token, client_credentials, password)

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
    answered with 429 and `Retry-After`.

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken,
) -> Problem | TokenResponse | None:
    """Get tokens (authorization_code, refresh_token, client_credentials, password)

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
    answered with 429 and `Retry-After`.

    Args:
        body (BodyIssueToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
