from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.proof_create import ProofCreate
from ...models.proof_read import ProofRead
from ...types import Response


def _get_kwargs(
    application_id: UUID,
    *,
    body: ProofCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funding/v1/applications/{application_id}/proof-of-use".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProofRead | None:
    if response.status_code == 201:
        response_201 = ProofRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProofRead]:
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
    body: ProofCreate,
) -> Response[Problem | ProofRead]:
    """File the proof of use

     After the funding period, the applicant files the months worked per position and the
    narrative report; the service adds the exact key figures for the period, fetched from the
    cases service (`GET /cases/v1/key-figures` with the scope `figures:exact`): the applicant's
    own, and those of every commissioned charity for the cases it delivered for the applicant
    (`key_figures.delivered_by`). One proof per application (409 after).

    Args:
        application_id (UUID): The application's id
        body (ProofCreate): The numeric proof per position plus the narrative report (Sachbericht,
            about three pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProofRead]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProofCreate,
) -> Problem | ProofRead | None:
    """File the proof of use

     After the funding period, the applicant files the months worked per position and the
    narrative report; the service adds the exact key figures for the period, fetched from the
    cases service (`GET /cases/v1/key-figures` with the scope `figures:exact`): the applicant's
    own, and those of every commissioned charity for the cases it delivered for the applicant
    (`key_figures.delivered_by`). One proof per application (409 after).

    Args:
        application_id (UUID): The application's id
        body (ProofCreate): The numeric proof per position plus the narrative report (Sachbericht,
            about three pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProofRead
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProofCreate,
) -> Response[Problem | ProofRead]:
    """File the proof of use

     After the funding period, the applicant files the months worked per position and the
    narrative report; the service adds the exact key figures for the period, fetched from the
    cases service (`GET /cases/v1/key-figures` with the scope `figures:exact`): the applicant's
    own, and those of every commissioned charity for the cases it delivered for the applicant
    (`key_figures.delivered_by`). One proof per application (409 after).

    Args:
        application_id (UUID): The application's id
        body (ProofCreate): The numeric proof per position plus the narrative report (Sachbericht,
            about three pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProofRead]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProofCreate,
) -> Problem | ProofRead | None:
    """File the proof of use

     After the funding period, the applicant files the months worked per position and the
    narrative report; the service adds the exact key figures for the period, fetched from the
    cases service (`GET /cases/v1/key-figures` with the scope `figures:exact`): the applicant's
    own, and those of every commissioned charity for the cases it delivered for the applicant
    (`key_figures.delivered_by`). One proof per application (409 after).

    Args:
        application_id (UUID): The application's id
        body (ProofCreate): The numeric proof per position plus the narrative report (Sachbericht,
            about three pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProofRead
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
        )
    ).parsed
