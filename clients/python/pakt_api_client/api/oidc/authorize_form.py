from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    client_id: str | Unset = UNSET,
    redirect_uri: str | Unset = UNSET,
    response_type: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    nonce: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: str | Unset = UNSET,
    request: str | Unset = UNSET,
    request_uri: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["client_id"] = client_id

    params["redirect_uri"] = redirect_uri

    params["response_type"] = response_type

    params["scope"] = scope

    params["state"] = state

    params["nonce"] = nonce

    params["code_challenge"] = code_challenge

    params["code_challenge_method"] = code_challenge_method

    params["request"] = request

    params["request_uri"] = request_uri

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/v1/authorize",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    client_id: str | Unset = UNSET,
    redirect_uri: str | Unset = UNSET,
    response_type: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    nonce: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: str | Unset = UNSET,
    request: str | Unset = UNSET,
    request_uri: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Login page (OpenID Connect authorization endpoint)

     Authorization code flow with PKCE (S256 only; RFC 6749 4.1, RFC 7636, OIDC Core 3.1). Open it in the
    user's browser with `response_type=code`, `client_id`, the exactly registered `redirect_uri`,
    `scope` (`openid profile offline_access`), `state`, `nonce`, `code_challenge` and
    `code_challenge_method=S256`. The page (German, English by `Accept-Language`) asks for username and
    password, then a TOTP code if the account has one, and sends the user to
    `redirect_uri?code=...&state=...`. An unknown client or an unregistered redirect URI shows an error
    page and redirects nowhere. Request objects (`request`, `request_uri`) are refused.

    Args:
        client_id (str | Unset):
        redirect_uri (str | Unset):
        response_type (str | Unset):
        scope (str | Unset):
        state (str | Unset):
        nonce (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (str | Unset):
        request (str | Unset):
        request_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        request=request,
        request_uri=request_uri,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    client_id: str | Unset = UNSET,
    redirect_uri: str | Unset = UNSET,
    response_type: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    nonce: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: str | Unset = UNSET,
    request: str | Unset = UNSET,
    request_uri: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Login page (OpenID Connect authorization endpoint)

     Authorization code flow with PKCE (S256 only; RFC 6749 4.1, RFC 7636, OIDC Core 3.1). Open it in the
    user's browser with `response_type=code`, `client_id`, the exactly registered `redirect_uri`,
    `scope` (`openid profile offline_access`), `state`, `nonce`, `code_challenge` and
    `code_challenge_method=S256`. The page (German, English by `Accept-Language`) asks for username and
    password, then a TOTP code if the account has one, and sends the user to
    `redirect_uri?code=...&state=...`. An unknown client or an unregistered redirect URI shows an error
    page and redirects nowhere. Request objects (`request`, `request_uri`) are refused.

    Args:
        client_id (str | Unset):
        redirect_uri (str | Unset):
        response_type (str | Unset):
        scope (str | Unset):
        state (str | Unset):
        nonce (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (str | Unset):
        request (str | Unset):
        request_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        client_id=client_id,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        request=request,
        request_uri=request_uri,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    client_id: str | Unset = UNSET,
    redirect_uri: str | Unset = UNSET,
    response_type: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    nonce: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: str | Unset = UNSET,
    request: str | Unset = UNSET,
    request_uri: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Login page (OpenID Connect authorization endpoint)

     Authorization code flow with PKCE (S256 only; RFC 6749 4.1, RFC 7636, OIDC Core 3.1). Open it in the
    user's browser with `response_type=code`, `client_id`, the exactly registered `redirect_uri`,
    `scope` (`openid profile offline_access`), `state`, `nonce`, `code_challenge` and
    `code_challenge_method=S256`. The page (German, English by `Accept-Language`) asks for username and
    password, then a TOTP code if the account has one, and sends the user to
    `redirect_uri?code=...&state=...`. An unknown client or an unregistered redirect URI shows an error
    page and redirects nowhere. Request objects (`request`, `request_uri`) are refused.

    Args:
        client_id (str | Unset):
        redirect_uri (str | Unset):
        response_type (str | Unset):
        scope (str | Unset):
        state (str | Unset):
        nonce (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (str | Unset):
        request (str | Unset):
        request_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        request=request,
        request_uri=request_uri,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    client_id: str | Unset = UNSET,
    redirect_uri: str | Unset = UNSET,
    response_type: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    nonce: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: str | Unset = UNSET,
    request: str | Unset = UNSET,
    request_uri: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Login page (OpenID Connect authorization endpoint)

     Authorization code flow with PKCE (S256 only; RFC 6749 4.1, RFC 7636, OIDC Core 3.1). Open it in the
    user's browser with `response_type=code`, `client_id`, the exactly registered `redirect_uri`,
    `scope` (`openid profile offline_access`), `state`, `nonce`, `code_challenge` and
    `code_challenge_method=S256`. The page (German, English by `Accept-Language`) asks for username and
    password, then a TOTP code if the account has one, and sends the user to
    `redirect_uri?code=...&state=...`. An unknown client or an unregistered redirect URI shows an error
    page and redirects nowhere. Request objects (`request`, `request_uri`) are refused.

    Args:
        client_id (str | Unset):
        redirect_uri (str | Unset):
        response_type (str | Unset):
        scope (str | Unset):
        state (str | Unset):
        nonce (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (str | Unset):
        request (str | Unset):
        request_uri (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            client_id=client_id,
            redirect_uri=redirect_uri,
            response_type=response_type,
            scope=scope,
            state=state,
            nonce=nonce,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            request=request,
            request_uri=request_uri,
        )
    ).parsed
