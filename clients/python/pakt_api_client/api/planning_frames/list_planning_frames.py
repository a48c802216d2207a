from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_planning_frames_status_type_0 import ListPlanningFramesStatusType0
from ...models.page_frame_read import PageFrameRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    programme_id: UUID,
    *,
    status: ListPlanningFramesStatusType0 | None | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListPlanningFramesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/funding/v1/programmes/{programme_id}/planning-frames".format(
            programme_id=quote(str(programme_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageFrameRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageFrameRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PageFrameRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ListPlanningFramesStatusType0 | None | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageFrameRead | Problem]:
    """List planning frames

     Frames of the programme in AGS order.

    Args:
        programme_id (UUID): The programme's id
        status (ListPlanningFramesStatusType0 | None | Unset): Only frames in this status
        ags_prefix (None | str | Unset): e.g. 08117 for a district
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageFrameRead | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        status=status,
        ags_prefix=ags_prefix,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ListPlanningFramesStatusType0 | None | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageFrameRead | Problem | None:
    """List planning frames

     Frames of the programme in AGS order.

    Args:
        programme_id (UUID): The programme's id
        status (ListPlanningFramesStatusType0 | None | Unset): Only frames in this status
        ags_prefix (None | str | Unset): e.g. 08117 for a district
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageFrameRead | Problem
    """

    return sync_detailed(
        programme_id=programme_id,
        client=client,
        status=status,
        ags_prefix=ags_prefix,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ListPlanningFramesStatusType0 | None | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageFrameRead | Problem]:
    """List planning frames

     Frames of the programme in AGS order.

    Args:
        programme_id (UUID): The programme's id
        status (ListPlanningFramesStatusType0 | None | Unset): Only frames in this status
        ags_prefix (None | str | Unset): e.g. 08117 for a district
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageFrameRead | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        status=status,
        ags_prefix=ags_prefix,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ListPlanningFramesStatusType0 | None | Unset = UNSET,
    ags_prefix: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageFrameRead | Problem | None:
    """List planning frames

     Frames of the programme in AGS order.

    Args:
        programme_id (UUID): The programme's id
        status (ListPlanningFramesStatusType0 | None | Unset): Only frames in this status
        ags_prefix (None | str | Unset): e.g. 08117 for a district
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageFrameRead | Problem
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            client=client,
            status=status,
            ags_prefix=ags_prefix,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
