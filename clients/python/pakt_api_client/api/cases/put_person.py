from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_read import CaseRead
from ...models.person import Person
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    *,
    body: Person,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/cases/v1/cases/{case_id}/person".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CaseRead | Problem | None:
    if response.status_code == 200:
        response_200 = CaseRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CaseRead | Problem]:
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
    body: Person,
    if_match: str,
) -> Response[CaseRead | Problem]:
    """Store the person's data

     Replaces the person's data (omitted fields become null). Needs active consent (409 `consent-
    required` otherwise). Send If-Match with the case's ETag.

    Args:
        case_id (UUID): Id of the case
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (Person): Personal data given voluntarily; stored only while consent is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Person,
    if_match: str,
) -> CaseRead | Problem | None:
    """Store the person's data

     Replaces the person's data (omitted fields become null). Needs active consent (409 `consent-
    required` otherwise). Send If-Match with the case's ETag.

    Args:
        case_id (UUID): Id of the case
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (Person): Personal data given voluntarily; stored only while consent is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseRead | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Person,
    if_match: str,
) -> Response[CaseRead | Problem]:
    """Store the person's data

     Replaces the person's data (omitted fields become null). Needs active consent (409 `consent-
    required` otherwise). Send If-Match with the case's ETag.

    Args:
        case_id (UUID): Id of the case
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (Person): Personal data given voluntarily; stored only while consent is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Person,
    if_match: str,
) -> CaseRead | Problem | None:
    """Store the person's data

     Replaces the person's data (omitted fields become null). Needs active consent (409 `consent-
    required` otherwise). Send If-Match with the case's ETag.

    Args:
        case_id (UUID): Id of the case
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (Person): Personal data given voluntarily; stored only while consent is recorded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseRead | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
