from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_event import PageEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = type_

    else:
        json_type_ = type_
    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/funding/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageEvent | Problem | None:
    if response.status_code == 200:
        response_200 = PageEvent.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageEvent | Problem]:
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
    type_: list[str] | None | Unset = UNSET,
) -> Response[PageEvent | Problem]:
    """Read the events feed

     Domain events the caller's organization may see, oldest first. Store `next_cursor` and pass it back
    as `cursor` to continue; it is returned even on an empty page, so a poller can keep it. Events carry
    ids and states, never personal data.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvent | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        type_=type_,
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
    type_: list[str] | None | Unset = UNSET,
) -> PageEvent | Problem | None:
    """Read the events feed

     Domain events the caller's organization may see, oldest first. Store `next_cursor` and pass it back
    as `cursor` to continue; it is returned even on an empty page, so a poller can keep it. Events carry
    ids and states, never personal data.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvent | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
) -> Response[PageEvent | Problem]:
    """Read the events feed

     Domain events the caller's organization may see, oldest first. Store `next_cursor` and pass it back
    as `cursor` to continue; it is returned even on an empty page, so a poller can keep it. Events carry
    ids and states, never personal data.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvent | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
) -> PageEvent | Problem | None:
    """Read the events feed

     Domain events the caller's organization may see, oldest first. Store `next_cursor` and pass it back
    as `cursor` to continue; it is returned even on an empty page, so a poller can keep it. Events carry
    ids and states, never personal data.

    Args:
        limit (int | Unset):  Default: 100.
        cursor (None | str | Unset):
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvent | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            type_=type_,
        )
    ).parsed
