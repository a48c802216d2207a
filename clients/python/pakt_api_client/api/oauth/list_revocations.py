from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_revocation import PageRevocation
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/v1/revocations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRevocation | Problem | None:
    if response.status_code == 200:
        response_200 = PageRevocation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageRevocation | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRevocation | Problem]:
    """Follow the revocation list (services)

     Users and API clients deactivated (`kind` user/client, `id` = the tokens' `sub`) and logins ended
    (`kind` session, `id` = the tokens' `sid`) within the access-token lifetime: every revocation that
    can still hit an unexpired token, nothing older. Refuse access tokens with `iat` up to `revoked_at`;
    forget an entry after `expires_at`. Read the whole list (follow `next_cursor` until it is null) on
    every poll. For the platform's services (an API client with the scope `revocations:read`); it holds
    ids and times only.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRevocation | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> PageRevocation | Problem | None:
    """Follow the revocation list (services)

     Users and API clients deactivated (`kind` user/client, `id` = the tokens' `sub`) and logins ended
    (`kind` session, `id` = the tokens' `sid`) within the access-token lifetime: every revocation that
    can still hit an unexpired token, nothing older. Refuse access tokens with `iat` up to `revoked_at`;
    forget an entry after `expires_at`. Read the whole list (follow `next_cursor` until it is null) on
    every poll. For the platform's services (an API client with the scope `revocations:read`); it holds
    ids and times only.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRevocation | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[PageRevocation | Problem]:
    """Follow the revocation list (services)

     Users and API clients deactivated (`kind` user/client, `id` = the tokens' `sub`) and logins ended
    (`kind` session, `id` = the tokens' `sid`) within the access-token lifetime: every revocation that
    can still hit an unexpired token, nothing older. Refuse access tokens with `iat` up to `revoked_at`;
    forget an entry after `expires_at`. Read the whole list (follow `next_cursor` until it is null) on
    every poll. For the platform's services (an API client with the scope `revocations:read`); it holds
    ids and times only.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRevocation | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> PageRevocation | Problem | None:
    """Follow the revocation list (services)

     Users and API clients deactivated (`kind` user/client, `id` = the tokens' `sub`) and logins ended
    (`kind` session, `id` = the tokens' `sid`) within the access-token lifetime: every revocation that
    can still hit an unexpired token, nothing older. Refuse access tokens with `iat` up to `revoked_at`;
    forget an entry after `expires_at`. Read the whole list (follow `next_cursor` until it is null) on
    every poll. For the platform's services (an API client with the scope `revocations:read`); it holds
    ids and times only.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRevocation | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
