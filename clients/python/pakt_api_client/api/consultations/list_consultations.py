from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_consultations_field_type_0 import ListConsultationsFieldType0
from ...models.page_consultation_read import PageConsultationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    field: ListConsultationsFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_field: None | str | Unset
    if isinstance(field, Unset):
        json_field = UNSET
    elif isinstance(field, ListConsultationsFieldType0):
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
        "url": "/cases/v1/cases/{case_id}/consultations".format(
            case_id=quote(str(case_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageConsultationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageConsultationRead.from_dict(response.json())

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
) -> Response[PageConsultationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    field: ListConsultationsFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageConsultationRead | Problem]:
    """List consultations

     Consultations of the case in the order they were logged. The read is logged.

    Args:
        case_id (UUID): Id of the case
        field (ListConsultationsFieldType0 | None | Unset): Only consultations that discussed this
            field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConsultationRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        field=field,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    field: ListConsultationsFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageConsultationRead | Problem | None:
    """List consultations

     Consultations of the case in the order they were logged. The read is logged.

    Args:
        case_id (UUID): Id of the case
        field (ListConsultationsFieldType0 | None | Unset): Only consultations that discussed this
            field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConsultationRead | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        field=field,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    field: ListConsultationsFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageConsultationRead | Problem]:
    """List consultations

     Consultations of the case in the order they were logged. The read is logged.

    Args:
        case_id (UUID): Id of the case
        field (ListConsultationsFieldType0 | None | Unset): Only consultations that discussed this
            field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageConsultationRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        field=field,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    field: ListConsultationsFieldType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageConsultationRead | Problem | None:
    """List consultations

     Consultations of the case in the order they were logged. The read is logged.

    Args:
        case_id (UUID): Id of the case
        field (ListConsultationsFieldType0 | None | Unset): Only consultations that discussed this
            field
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageConsultationRead | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            field=field,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
