from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_read import ApplicationRead
from ...models.application_update import ApplicationUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_id: UUID,
    *,
    body: ApplicationUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/funding/v1/applications/{application_id}".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicationRead.from_dict(response.json())

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
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApplicationUpdate,
    if_match: str,
) -> Response[ApplicationRead | Problem]:
    """Edit a draft or returned application

     Replaces delivery details and positions while the application is with the applicant
    (draft, or returned to them). Amounts are recomputed and checked against the frame.

    Args:
        application_id (UUID): The application's id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ApplicationUpdate): Replaces the content of a draft or returned application (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApplicationUpdate,
    if_match: str,
) -> ApplicationRead | Problem | None:
    """Edit a draft or returned application

     Replaces delivery details and positions while the application is with the applicant
    (draft, or returned to them). Amounts are recomputed and checked against the frame.

    Args:
        application_id (UUID): The application's id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ApplicationUpdate): Replaces the content of a draft or returned application (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApplicationUpdate,
    if_match: str,
) -> Response[ApplicationRead | Problem]:
    """Edit a draft or returned application

     Replaces delivery details and positions while the application is with the applicant
    (draft, or returned to them). Amounts are recomputed and checked against the frame.

    Args:
        application_id (UUID): The application's id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ApplicationUpdate): Replaces the content of a draft or returned application (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ApplicationUpdate,
    if_match: str,
) -> ApplicationRead | Problem | None:
    """Edit a draft or returned application

     Replaces delivery details and positions while the application is with the applicant
    (draft, or returned to them). Amounts are recomputed and checked against the frame.

    Args:
        application_id (UUID): The application's id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ApplicationUpdate): Replaces the content of a draft or returned application (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
