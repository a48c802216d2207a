from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subscription_change import SubscriptionChange
from ...models.subscription_read import SubscriptionRead
from ...types import Response


def _get_kwargs(
    subscription_id: UUID,
    *,
    body: SubscriptionChange,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/auth/v1/webhook-subscriptions/{subscription_id}".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubscriptionRead | None:
    if response.status_code == 200:
        response_200 = SubscriptionRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SubscriptionRead]:
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
    body: SubscriptionChange,
    if_match: str,
) -> Response[Problem | SubscriptionRead]:
    """Pause, resume or change a webhook subscription

     `state: paused` stops deliveries (events queue up and follow on resume); `state: active` resumes a
    paused or disabled subscription. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (SubscriptionChange): Pause (`state: paused`) or resume (`active`), or change the
            endpoint. Send If-Match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionRead]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
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
    body: SubscriptionChange,
    if_match: str,
) -> Problem | SubscriptionRead | None:
    """Pause, resume or change a webhook subscription

     `state: paused` stops deliveries (events queue up and follow on resume); `state: active` resumes a
    paused or disabled subscription. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (SubscriptionChange): Pause (`state: paused`) or resume (`active`), or change the
            endpoint. Send If-Match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionRead
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionChange,
    if_match: str,
) -> Response[Problem | SubscriptionRead]:
    """Pause, resume or change a webhook subscription

     `state: paused` stops deliveries (events queue up and follow on resume); `state: active` resumes a
    paused or disabled subscription. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (SubscriptionChange): Pause (`state: paused`) or resume (`active`), or change the
            endpoint. Send If-Match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionRead]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionChange,
    if_match: str,
) -> Problem | SubscriptionRead | None:
    """Pause, resume or change a webhook subscription

     `state: paused` stops deliveries (events queue up and follow on resume); `state: active` resumes a
    paused or disabled subscription. Send If-Match.

    Args:
        subscription_id (UUID): Id of the webhook subscription
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (SubscriptionChange): Pause (`state: paused`) or resume (`active`), or change the
            endpoint. Send If-Match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionRead
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
