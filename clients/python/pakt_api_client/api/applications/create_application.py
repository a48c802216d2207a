from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_create import ApplicationCreate
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funding/v1/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 201:
        response_201 = ApplicationRead.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ApplicationRead | Problem]:
    """Draft an application

     Creates a draft for the caller's organization. The route (district office, deciding
    council) comes from the token's `org_path`; the amounts are computed from the rates; a
    municipality whose frame is under the programme's minimum is refused (`frame-below-minimum`)
    unless it applies through a consortium or its district.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ApplicationCreate): A new draft. A consortium applies through its lead
            (`consortium_id`); a district applying
            for municipalities that delegated the task lists them in `delegating_municipalities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ApplicationRead | Problem | None:
    """Draft an application

     Creates a draft for the caller's organization. The route (district office, deciding
    council) comes from the token's `org_path`; the amounts are computed from the rates; a
    municipality whose frame is under the programme's minimum is refused (`frame-below-minimum`)
    unless it applies through a consortium or its district.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ApplicationCreate): A new draft. A consortium applies through its lead
            (`consortium_id`); a district applying
            for municipalities that delegated the task lists them in `delegating_municipalities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ApplicationRead | Problem]:
    """Draft an application

     Creates a draft for the caller's organization. The route (district office, deciding
    council) comes from the token's `org_path`; the amounts are computed from the rates; a
    municipality whose frame is under the programme's minimum is refused (`frame-below-minimum`)
    unless it applies through a consortium or its district.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ApplicationCreate): A new draft. A consortium applies through its lead
            (`consortium_id`); a district applying
            for municipalities that delegated the task lists them in `delegating_municipalities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ApplicationRead | Problem | None:
    """Draft an application

     Creates a draft for the caller's organization. The route (district office, deciding
    council) comes from the token's `org_path`; the amounts are computed from the rates; a
    municipality whose frame is under the programme's minimum is refused (`frame-below-minimum`)
    unless it applies through a consortium or its district.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ApplicationCreate): A new draft. A consortium applies through its lead
            (`consortium_id`); a district applying
            for municipalities that delegated the task lists them in `delegating_municipalities`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
