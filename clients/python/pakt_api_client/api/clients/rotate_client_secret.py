from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_secret import ClientSecret
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    client_row_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/clients/{client_row_id}/secrets".format(
            client_row_id=quote(str(client_row_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClientSecret | Problem | None:
    if response.status_code == 201:
        response_201 = ClientSecret.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[ClientSecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ClientSecret | Problem]:
    """Rotate an API client's secret

     Issues a new secret (shown once); the previous secret stops working immediately.

    Args:
        client_row_id (str): Id of the client record (not the client_id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecret | Problem]
    """

    kwargs = _get_kwargs(
        client_row_id=client_row_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
) -> ClientSecret | Problem | None:
    """Rotate an API client's secret

     Issues a new secret (shown once); the previous secret stops working immediately.

    Args:
        client_row_id (str): Id of the client record (not the client_id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecret | Problem
    """

    return sync_detailed(
        client_row_id=client_row_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ClientSecret | Problem]:
    """Rotate an API client's secret

     Issues a new secret (shown once); the previous secret stops working immediately.

    Args:
        client_row_id (str): Id of the client record (not the client_id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientSecret | Problem]
    """

    kwargs = _get_kwargs(
        client_row_id=client_row_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
) -> ClientSecret | Problem | None:
    """Rotate an API client's secret

     Issues a new secret (shown once); the previous secret stops working immediately.

    Args:
        client_row_id (str): Id of the client record (not the client_id)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientSecret | Problem
    """

    return (
        await asyncio_detailed(
            client_row_id=client_row_id,
            client=client,
        )
    ).parsed
