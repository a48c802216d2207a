from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    subscription_id: UUID,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/cases/v1/webhook-subscriptions/{subscription_id}".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | Problem]:
    """Delete a webhook subscription

     Ends deliveries and drops the delivery log. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | Problem | None:
    """Delete a webhook subscription

     Ends deliveries and drops the delivery log. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | Problem]:
    """Delete a webhook subscription

     Ends deliveries and drops the delivery log. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | Problem | None:
    """Delete a webhook subscription

     Ends deliveries and drops the delivery log. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
