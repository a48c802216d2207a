from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consortium_create import ConsortiumCreate
from ...models.consortium_read import ConsortiumRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ConsortiumCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funding/v1/consortia",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsortiumRead | Problem | None:
    if response.status_code == 201:
        response_201 = ConsortiumRead.from_dict(response.json())

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
) -> Response[ConsortiumRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsortiumCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ConsortiumRead | Problem]:
    """Form a consortium (invites the members)

     The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did).

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ConsortiumCreate): A consortium (Verbund) whose lead is the caller's municipality.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsortiumRead | Problem]
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
    body: ConsortiumCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ConsortiumRead | Problem | None:
    """Form a consortium (invites the members)

     The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did).

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ConsortiumCreate): A consortium (Verbund) whose lead is the caller's municipality.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsortiumRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsortiumCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ConsortiumRead | Problem]:
    """Form a consortium (invites the members)

     The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did).

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ConsortiumCreate): A consortium (Verbund) whose lead is the caller's municipality.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsortiumRead | Problem]
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
    body: ConsortiumCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ConsortiumRead | Problem | None:
    """Form a consortium (invites the members)

     The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did).

    Args:
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ConsortiumCreate): A consortium (Verbund) whose lead is the caller's municipality.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsortiumRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
