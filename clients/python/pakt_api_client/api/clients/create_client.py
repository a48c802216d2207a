from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_create import ClientCreate
from ...models.client_created import ClientCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ClientCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/clients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ClientCreated.from_dict(response.json())

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
) -> Response[ClientCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> Response[ClientCreated | Problem]:
    """Create an API client

     Creates a machine client bound to one organization. The response shows `client_secret` once; only
    its hash is kept. An org_admin creates clients for its own organization only.

    Args:
        body (ClientCreate): A new client bound to one organization: a machine client
            (confidential, client
            credentials, with roles and scopes) or a frontend logging people in (authorization code
            with PKCE; `public` for browser apps, which get no secret).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> ClientCreated | Problem | None:
    """Create an API client

     Creates a machine client bound to one organization. The response shows `client_secret` once; only
    its hash is kept. An org_admin creates clients for its own organization only.

    Args:
        body (ClientCreate): A new client bound to one organization: a machine client
            (confidential, client
            credentials, with roles and scopes) or a frontend logging people in (authorization code
            with PKCE; `public` for browser apps, which get no secret).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> Response[ClientCreated | Problem]:
    """Create an API client

     Creates a machine client bound to one organization. The response shows `client_secret` once; only
    its hash is kept. An org_admin creates clients for its own organization only.

    Args:
        body (ClientCreate): A new client bound to one organization: a machine client
            (confidential, client
            credentials, with roles and scopes) or a frontend logging people in (authorization code
            with PKCE; `public` for browser apps, which get no secret).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClientCreate,
) -> ClientCreated | Problem | None:
    """Create an API client

     Creates a machine client bound to one organization. The response shows `client_secret` once; only
    its hash is kept. An org_admin creates clients for its own organization only.

    Args:
        body (ClientCreate): A new client bound to one organization: a machine client
            (confidential, client
            credentials, with roles and scopes) or a frontend logging people in (authorization code
            with PKCE; `public` for browser apps, which get no secret).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
