from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rotated_key import RotatedKey
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/signing-keys",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RotatedKey | None:
    if response.status_code == 201:
        response_201 = RotatedKey.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RotatedKey]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RotatedKey]:
    """Rotate the signing key (admin)

     Creates a new RSA key and publishes it in the JWKS at once; it signs from `activates_at` on
    (AUTH_KEY_PUBLISH_AHEAD_SECONDS later), so every verifier can know it first. The previous key signs
    until then and stays in the JWKS until its tokens have expired.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotatedKey]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | RotatedKey | None:
    """Rotate the signing key (admin)

     Creates a new RSA key and publishes it in the JWKS at once; it signs from `activates_at` on
    (AUTH_KEY_PUBLISH_AHEAD_SECONDS later), so every verifier can know it first. The previous key signs
    until then and stays in the JWKS until its tokens have expired.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotatedKey
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RotatedKey]:
    """Rotate the signing key (admin)

     Creates a new RSA key and publishes it in the JWKS at once; it signs from `activates_at` on
    (AUTH_KEY_PUBLISH_AHEAD_SECONDS later), so every verifier can know it first. The previous key signs
    until then and stays in the JWKS until its tokens have expired.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RotatedKey]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | RotatedKey | None:
    """Rotate the signing key (admin)

     Creates a new RSA key and publishes it in the JWKS at once; it signs from `activates_at` on
    (AUTH_KEY_PUBLISH_AHEAD_SECONDS later), so every verifier can know it first. The previous key signs
    until then and stays in the JWKS until its tokens have expired.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RotatedKey
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
