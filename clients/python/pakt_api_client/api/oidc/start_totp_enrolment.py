from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.totp_enrolment import TotpEnrolment
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/me/totp",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TotpEnrolment | None:
    if response.status_code == 201:
        response_201 = TotpEnrolment.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TotpEnrolment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TotpEnrolment]:
    """Start a TOTP enrolment

     A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a code (`POST
    /auth/v1/me/totp/confirmation`). From then on the login page asks for a code after the password, and
    the password grant is refused for the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TotpEnrolment]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | TotpEnrolment | None:
    """Start a TOTP enrolment

     A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a code (`POST
    /auth/v1/me/totp/confirmation`). From then on the login page asks for a code after the password, and
    the password grant is refused for the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TotpEnrolment
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TotpEnrolment]:
    """Start a TOTP enrolment

     A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a code (`POST
    /auth/v1/me/totp/confirmation`). From then on the login page asks for a code after the password, and
    the password grant is refused for the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TotpEnrolment]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | TotpEnrolment | None:
    """Start a TOTP enrolment

     A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a code (`POST
    /auth/v1/me/totp/confirmation`). From then on the login page asks for a code after the password, and
    the password grant is refused for the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TotpEnrolment
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
