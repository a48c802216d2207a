from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_organizations_kind_type_0 import ListOrganizationsKindType0
from ...models.page_organization_read import PageOrganizationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ListOrganizationsKindType0 | None | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    name_prefix: None | str | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListOrganizationsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

    json_name_prefix: None | str | Unset
    if isinstance(name_prefix, Unset):
        json_name_prefix = UNSET
    else:
        json_name_prefix = name_prefix
    params["name_prefix"] = json_name_prefix

    json_ags_prefix: None | str | Unset
    if isinstance(ags_prefix, Unset):
        json_ags_prefix = UNSET
    else:
        json_ags_prefix = ags_prefix
    params["ags_prefix"] = json_ags_prefix

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
        "url": "/auth/v1/organizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrganizationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrganizationRead.from_dict(response.json())

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
) -> Response[PageOrganizationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListOrganizationsKindType0 | None | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    name_prefix: None | str | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOrganizationRead | Problem]:
    """List organizations

     The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` (case-insensitive) or
    `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it).

    Args:
        kind (ListOrganizationsKindType0 | None | Unset): Only this kind
        parent_id (None | str | Unset): Only children of this organization
        name_prefix (None | str | Unset):
        ags_prefix (None | str | Unset):
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganizationRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        name_prefix=name_prefix,
        ags_prefix=ags_prefix,
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
    kind: ListOrganizationsKindType0 | None | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    name_prefix: None | str | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOrganizationRead | Problem | None:
    """List organizations

     The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` (case-insensitive) or
    `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it).

    Args:
        kind (ListOrganizationsKindType0 | None | Unset): Only this kind
        parent_id (None | str | Unset): Only children of this organization
        name_prefix (None | str | Unset):
        ags_prefix (None | str | Unset):
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganizationRead | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent_id=parent_id,
        name_prefix=name_prefix,
        ags_prefix=ags_prefix,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListOrganizationsKindType0 | None | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    name_prefix: None | str | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOrganizationRead | Problem]:
    """List organizations

     The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` (case-insensitive) or
    `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it).

    Args:
        kind (ListOrganizationsKindType0 | None | Unset): Only this kind
        parent_id (None | str | Unset): Only children of this organization
        name_prefix (None | str | Unset):
        ags_prefix (None | str | Unset):
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganizationRead | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        name_prefix=name_prefix,
        ags_prefix=ags_prefix,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ListOrganizationsKindType0 | None | Unset = UNSET,
    parent_id: None | str | Unset = UNSET,
    name_prefix: None | str | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOrganizationRead | Problem | None:
    """List organizations

     The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` (case-insensitive) or
    `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it).

    Args:
        kind (ListOrganizationsKindType0 | None | Unset): Only this kind
        parent_id (None | str | Unset): Only children of this organization
        name_prefix (None | str | Unset):
        ags_prefix (None | str | Unset):
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganizationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent_id=parent_id,
            name_prefix=name_prefix,
            ags_prefix=ags_prefix,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
