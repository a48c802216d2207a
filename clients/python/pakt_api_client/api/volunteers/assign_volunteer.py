from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assignment_create import AssignmentCreate
from ...models.assignment_read import AssignmentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: AssignmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cases/v1/cases/{case_id}/volunteer-assignments".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssignmentRead | Problem | None:
    if response.status_code == 201:
        response_201 = AssignmentRead.from_dict(response.json())

        return response_201

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[AssignmentRead | Problem]:
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
    body: AssignmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[AssignmentRead | Problem]:
    """Assign a volunteer to the case

     Accepts `Idempotency-Key`. Emits `volunteer.assigned`.

    Args:
        case_id (UUID): Id of the case
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssignmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> AssignmentRead | Problem | None:
    """Assign a volunteer to the case

     Accepts `Idempotency-Key`. Emits `volunteer.assigned`.

    Args:
        case_id (UUID): Id of the case
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentRead | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssignmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[AssignmentRead | Problem]:
    """Assign a volunteer to the case

     Accepts `Idempotency-Key`. Emits `volunteer.assigned`.

    Args:
        case_id (UUID): Id of the case
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssignmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> AssignmentRead | Problem | None:
    """Assign a volunteer to the case

     Accepts `Idempotency-Key`. Emits `volunteer.assigned`.

    Args:
        case_id (UUID): Id of the case
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (AssignmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentRead | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
