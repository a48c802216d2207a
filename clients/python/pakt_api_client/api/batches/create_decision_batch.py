from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_batch_create import DecisionBatchCreate
from ...models.decision_batch_read import DecisionBatchRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DecisionBatchCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funding/v1/decision-batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionBatchRead | Problem | None:
    if response.status_code == 201:
        response_201 = DecisionBatchRead.from_dict(response.json())

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
) -> Response[DecisionBatchRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DecisionBatchCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DecisionBatchRead | Problem]:
    """Decide many applications at once

     Up to 10,000 decisions (`approve`, `partially_approve` with `granted_amount`, `reject`) in
    one request; send an `Idempotency-Key` so a retry replays instead of deciding twice. Each item
    is `decided`, `skipped` (already decided, with its state) or `failed` (with an RFC 9457
    problem: 404 not on your route, 403 not your step, 409 wrong state or budget exhausted, 412
    stale `if_match`, 422 wrong amount). In `per_item` mode one failure never undoes another; in
    `all_or_nothing` mode any failure applies nothing. The batch stays readable with its results.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (DecisionBatchCreate): Up to 10,000 decisions. `per_item`: each succeeds or fails on
            its own; `all_or_nothing`:
            if any item fails, none is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionBatchRead | Problem]
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
    body: DecisionBatchCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> DecisionBatchRead | Problem | None:
    """Decide many applications at once

     Up to 10,000 decisions (`approve`, `partially_approve` with `granted_amount`, `reject`) in
    one request; send an `Idempotency-Key` so a retry replays instead of deciding twice. Each item
    is `decided`, `skipped` (already decided, with its state) or `failed` (with an RFC 9457
    problem: 404 not on your route, 403 not your step, 409 wrong state or budget exhausted, 412
    stale `if_match`, 422 wrong amount). In `per_item` mode one failure never undoes another; in
    `all_or_nothing` mode any failure applies nothing. The batch stays readable with its results.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (DecisionBatchCreate): Up to 10,000 decisions. `per_item`: each succeeds or fails on
            its own; `all_or_nothing`:
            if any item fails, none is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionBatchRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DecisionBatchCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DecisionBatchRead | Problem]:
    """Decide many applications at once

     Up to 10,000 decisions (`approve`, `partially_approve` with `granted_amount`, `reject`) in
    one request; send an `Idempotency-Key` so a retry replays instead of deciding twice. Each item
    is `decided`, `skipped` (already decided, with its state) or `failed` (with an RFC 9457
    problem: 404 not on your route, 403 not your step, 409 wrong state or budget exhausted, 412
    stale `if_match`, 422 wrong amount). In `per_item` mode one failure never undoes another; in
    `all_or_nothing` mode any failure applies nothing. The batch stays readable with its results.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (DecisionBatchCreate): Up to 10,000 decisions. `per_item`: each succeeds or fails on
            its own; `all_or_nothing`:
            if any item fails, none is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionBatchRead | Problem]
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
    body: DecisionBatchCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> DecisionBatchRead | Problem | None:
    """Decide many applications at once

     Up to 10,000 decisions (`approve`, `partially_approve` with `granted_amount`, `reject`) in
    one request; send an `Idempotency-Key` so a retry replays instead of deciding twice. Each item
    is `decided`, `skipped` (already decided, with its state) or `failed` (with an RFC 9457
    problem: 404 not on your route, 403 not your step, 409 wrong state or budget exhausted, 412
    stale `if_match`, 422 wrong amount). In `per_item` mode one failure never undoes another; in
    `all_or_nothing` mode any failure applies nothing. The batch stays readable with its results.

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (DecisionBatchCreate): Up to 10,000 decisions. `per_item`: each succeeds or fails on
            its own; `all_or_nothing`:
            if any item fails, none is applied.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionBatchRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
