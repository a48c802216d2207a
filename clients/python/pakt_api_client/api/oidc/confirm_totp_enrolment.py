from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.recovery_code_list import RecoveryCodeList
from ...models.totp_confirmation import TotpConfirmation
from ...types import Response


def _get_kwargs(
    *,
    body: TotpConfirmation,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/me/totp/confirmation",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecoveryCodeList | None:
    if response.status_code == 200:
        response_200 = RecoveryCodeList.from_dict(response.json())

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
) -> Response[Problem | RecoveryCodeList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TotpConfirmation,
) -> Response[Problem | RecoveryCodeList]:
    """Confirm the TOTP enrolment

     Confirms the pending enrolment with a current code and returns ten single-use recovery codes (shown
    only now). Wrong codes are throttled like wrong passwords.

    Args:
        body (TotpConfirmation): A code from the authenticator app, confirming the pending
            enrolment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecoveryCodeList]
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
    body: TotpConfirmation,
) -> Problem | RecoveryCodeList | None:
    """Confirm the TOTP enrolment

     Confirms the pending enrolment with a current code and returns ten single-use recovery codes (shown
    only now). Wrong codes are throttled like wrong passwords.

    Args:
        body (TotpConfirmation): A code from the authenticator app, confirming the pending
            enrolment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecoveryCodeList
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TotpConfirmation,
) -> Response[Problem | RecoveryCodeList]:
    """Confirm the TOTP enrolment

     Confirms the pending enrolment with a current code and returns ten single-use recovery codes (shown
    only now). Wrong codes are throttled like wrong passwords.

    Args:
        body (TotpConfirmation): A code from the authenticator app, confirming the pending
            enrolment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecoveryCodeList]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TotpConfirmation,
) -> Problem | RecoveryCodeList | None:
    """Confirm the TOTP enrolment

     Confirms the pending enrolment with a current code and returns ten single-use recovery codes (shown
    only now). Wrong codes are throttled like wrong passwords.

    Args:
        body (TotpConfirmation): A code from the authenticator app, confirming the pending
            enrolment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecoveryCodeList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
