from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id_token_hint: str | Unset = UNSET,
    post_logout_redirect_uri: str | Unset = UNSET,
    state: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["id_token_hint"] = id_token_hint

    params["post_logout_redirect_uri"] = post_logout_redirect_uri

    params["state"] = state

    params["client_id"] = client_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/v1/logout",
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
    id_token_hint: str | Unset = UNSET,
    post_logout_redirect_uri: str | Unset = UNSET,
    state: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Log out (OpenID Connect end_session_endpoint)

     RP-initiated logout: `id_token_hint` names the login (its `sid`), which ends: its refresh tokens at
    once, its access tokens in every service within seconds. The user returns to
    `post_logout_redirect_uri` (with `state`) only when it is registered for the client the ID token was
    issued to; otherwise a page says they are logged out.

    Args:
        id_token_hint (str | Unset):
        post_logout_redirect_uri (str | Unset):
        state (str | Unset):
        client_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        id_token_hint=id_token_hint,
        post_logout_redirect_uri=post_logout_redirect_uri,
        state=state,
        client_id=client_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: str | Unset = UNSET,
    post_logout_redirect_uri: str | Unset = UNSET,
    state: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Log out (OpenID Connect end_session_endpoint)

     RP-initiated logout: `id_token_hint` names the login (its `sid`), which ends: its refresh tokens at
    once, its access tokens in every service within seconds. The user returns to
    `post_logout_redirect_uri` (with `state`) only when it is registered for the client the ID token was
    issued to; otherwise a page says they are logged out.

    Args:
        id_token_hint (str | Unset):
        post_logout_redirect_uri (str | Unset):
        state (str | Unset):
        client_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        id_token_hint=id_token_hint,
        post_logout_redirect_uri=post_logout_redirect_uri,
        state=state,
        client_id=client_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: str | Unset = UNSET,
    post_logout_redirect_uri: str | Unset = UNSET,
    state: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
) -> Response[Any | Problem | str]:
    """Log out (OpenID Connect end_session_endpoint)

     RP-initiated logout: `id_token_hint` names the login (its `sid`), which ends: its refresh tokens at
    once, its access tokens in every service within seconds. The user returns to
    `post_logout_redirect_uri` (with `state`) only when it is registered for the client the ID token was
    issued to; otherwise a page says they are logged out.

    Args:
        id_token_hint (str | Unset):
        post_logout_redirect_uri (str | Unset):
        state (str | Unset):
        client_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        id_token_hint=id_token_hint,
        post_logout_redirect_uri=post_logout_redirect_uri,
        state=state,
        client_id=client_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    id_token_hint: str | Unset = UNSET,
    post_logout_redirect_uri: str | Unset = UNSET,
    state: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
) -> Any | Problem | str | None:
    """Log out (OpenID Connect end_session_endpoint)

     RP-initiated logout: `id_token_hint` names the login (its `sid`), which ends: its refresh tokens at
    once, its access tokens in every service within seconds. The user returns to
    `post_logout_redirect_uri` (with `state`) only when it is registered for the client the ID token was
    issued to; otherwise a page says they are logged out.

    Args:
        id_token_hint (str | Unset):
        post_logout_redirect_uri (str | Unset):
        state (str | Unset):
        client_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            id_token_hint=id_token_hint,
            post_logout_redirect_uri=post_logout_redirect_uri,
            state=state,
            client_id=client_id,
        )
    ).parsed
