from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_volunteers_field_type_0 import ListVolunteersFieldType0
from ...models.page_volunteer_read import PageVolunteerRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: bool | None | Unset = UNSET,
    field: ListVolunteersFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_field: None | str | Unset
    if isinstance(field, Unset):
        json_field = UNSET
    elif isinstance(field, ListVolunteersFieldType0):
        json_field = field.value
    else:
        json_field = field
    params["field"] = json_field

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
        "url": "/cases/v1/volunteers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageVolunteerRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageVolunteerRead.from_dict(response.json())

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
) -> Response[PageVolunteerRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    field: ListVolunteersFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageVolunteerRead | Problem]:
    """List volunteers

     Your organization's volunteers, oldest first.

    Args:
        active (bool | None | Unset): Only active (true) or inactive (false) volunteers
        field (ListVolunteersFieldType0 | None | Unset): Only volunteers helping in this field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVolunteerRead | Problem]
    """

    kwargs = _get_kwargs(
        active=active,
        field=field,
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
    active: bool | None | Unset = UNSET,
    field: ListVolunteersFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageVolunteerRead | Problem | None:
    """List volunteers

     Your organization's volunteers, oldest first.

    Args:
        active (bool | None | Unset): Only active (true) or inactive (false) volunteers
        field (ListVolunteersFieldType0 | None | Unset): Only volunteers helping in this field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVolunteerRead | Problem
    """

    return sync_detailed(
        client=client,
        active=active,
        field=field,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    field: ListVolunteersFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageVolunteerRead | Problem]:
    """List volunteers

     Your organization's volunteers, oldest first.

    Args:
        active (bool | None | Unset): Only active (true) or inactive (false) volunteers
        field (ListVolunteersFieldType0 | None | Unset): Only volunteers helping in this field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVolunteerRead | Problem]
    """

    kwargs = _get_kwargs(
        active=active,
        field=field,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    field: ListVolunteersFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageVolunteerRead | Problem | None:
    """List volunteers

     Your organization's volunteers, oldest first.

    Args:
        active (bool | None | Unset): Only active (true) or inactive (false) volunteers
        field (ListVolunteersFieldType0 | None | Unset): Only volunteers helping in this field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVolunteerRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            field=field,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
