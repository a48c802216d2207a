import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_cases_field_type_0 import ListCasesFieldType0
from ...models.list_cases_status_type_0 import ListCasesStatusType0
from ...models.page_case_summary import PageCaseSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListCasesStatusType0 | None | Unset = UNSET,
    assigned_worker: None | str | Unset = UNSET,
    municipality: None | str | Unset = UNSET,
    review_due_before: datetime.date | None | Unset = UNSET,
    field: ListCasesFieldType0 | None | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListCasesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_assigned_worker: None | str | Unset
    if isinstance(assigned_worker, Unset):
        json_assigned_worker = UNSET
    else:
        json_assigned_worker = assigned_worker
    params["assigned_worker"] = json_assigned_worker

    json_municipality: None | str | Unset
    if isinstance(municipality, Unset):
        json_municipality = UNSET
    else:
        json_municipality = municipality
    params["municipality"] = json_municipality

    json_review_due_before: None | str | Unset
    if isinstance(review_due_before, Unset):
        json_review_due_before = UNSET
    elif isinstance(review_due_before, datetime.date):
        json_review_due_before = review_due_before.isoformat()
    else:
        json_review_due_before = review_due_before
    params["review_due_before"] = json_review_due_before

    json_field: None | str | Unset
    if isinstance(field, Unset):
        json_field = UNSET
    elif isinstance(field, ListCasesFieldType0):
        json_field = field.value
    else:
        json_field = field
    params["field"] = json_field

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

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
        "url": "/cases/v1/cases",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCaseSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageCaseSummary.from_dict(response.json())

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
) -> Response[PageCaseSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListCasesStatusType0 | None | Unset = UNSET,
    assigned_worker: None | str | Unset = UNSET,
    municipality: None | str | Unset = UNSET,
    review_due_before: datetime.date | None | Unset = UNSET,
    field: ListCasesFieldType0 | None | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCaseSummary | Problem]:
    """List cases of your organization

     Cases of the caller's organization, oldest first, without personal data. Filters combine with AND.

    Args:
        status (ListCasesStatusType0 | None | Unset): Only cases in this status
        assigned_worker (None | str | Unset): Only cases of this case worker
        municipality (None | str | Unset): Only cases living in this municipality (AGS)
        review_due_before (datetime.date | None | Unset): Only cases whose next review is before
            this date
        field (ListCasesFieldType0 | None | Unset): Only cases with a goal in this field
        updated_since (None | str | Unset): Only cases changed at or after this time (RFC 3339
            with offset)
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCaseSummary | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assigned_worker=assigned_worker,
        municipality=municipality,
        review_due_before=review_due_before,
        field=field,
        updated_since=updated_since,
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
    status: ListCasesStatusType0 | None | Unset = UNSET,
    assigned_worker: None | str | Unset = UNSET,
    municipality: None | str | Unset = UNSET,
    review_due_before: datetime.date | None | Unset = UNSET,
    field: ListCasesFieldType0 | None | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCaseSummary | Problem | None:
    """List cases of your organization

     Cases of the caller's organization, oldest first, without personal data. Filters combine with AND.

    Args:
        status (ListCasesStatusType0 | None | Unset): Only cases in this status
        assigned_worker (None | str | Unset): Only cases of this case worker
        municipality (None | str | Unset): Only cases living in this municipality (AGS)
        review_due_before (datetime.date | None | Unset): Only cases whose next review is before
            this date
        field (ListCasesFieldType0 | None | Unset): Only cases with a goal in this field
        updated_since (None | str | Unset): Only cases changed at or after this time (RFC 3339
            with offset)
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCaseSummary | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        assigned_worker=assigned_worker,
        municipality=municipality,
        review_due_before=review_due_before,
        field=field,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListCasesStatusType0 | None | Unset = UNSET,
    assigned_worker: None | str | Unset = UNSET,
    municipality: None | str | Unset = UNSET,
    review_due_before: datetime.date | None | Unset = UNSET,
    field: ListCasesFieldType0 | None | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageCaseSummary | Problem]:
    """List cases of your organization

     Cases of the caller's organization, oldest first, without personal data. Filters combine with AND.

    Args:
        status (ListCasesStatusType0 | None | Unset): Only cases in this status
        assigned_worker (None | str | Unset): Only cases of this case worker
        municipality (None | str | Unset): Only cases living in this municipality (AGS)
        review_due_before (datetime.date | None | Unset): Only cases whose next review is before
            this date
        field (ListCasesFieldType0 | None | Unset): Only cases with a goal in this field
        updated_since (None | str | Unset): Only cases changed at or after this time (RFC 3339
            with offset)
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCaseSummary | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assigned_worker=assigned_worker,
        municipality=municipality,
        review_due_before=review_due_before,
        field=field,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListCasesStatusType0 | None | Unset = UNSET,
    assigned_worker: None | str | Unset = UNSET,
    municipality: None | str | Unset = UNSET,
    review_due_before: datetime.date | None | Unset = UNSET,
    field: ListCasesFieldType0 | None | Unset = UNSET,
    updated_since: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageCaseSummary | Problem | None:
    """List cases of your organization

     Cases of the caller's organization, oldest first, without personal data. Filters combine with AND.

    Args:
        status (ListCasesStatusType0 | None | Unset): Only cases in this status
        assigned_worker (None | str | Unset): Only cases of this case worker
        municipality (None | str | Unset): Only cases living in this municipality (AGS)
        review_due_before (datetime.date | None | Unset): Only cases whose next review is before
            this date
        field (ListCasesFieldType0 | None | Unset): Only cases with a goal in this field
        updated_since (None | str | Unset): Only cases changed at or after this time (RFC 3339
            with offset)
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCaseSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            assigned_worker=assigned_worker,
            municipality=municipality,
            review_due_before=review_due_before,
            field=field,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
