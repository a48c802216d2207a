from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_read import UserRead
from ...models.user_update import UserUpdate
from ...types import Response


def _get_kwargs(
    user_id: str,
    *,
    body: UserUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/auth/v1/users/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserRead | None:
    if response.status_code == 200:
        response_200 = UserRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
    if_match: str,
) -> Response[Problem | UserRead]:
    """Change or deactivate a user

     Send If-Match with the ETag you read. `active: false` deactivates: the user cannot log in and every
    refresh token stops working at once. A new password also ends all sessions.

    Args:
        user_id (str): User id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (UserUpdate): Change roles, the display name or the password, or (de)activate. Send
            If-Match.

            Deactivating stops every refresh token of the user at once; access tokens already issued
            run out within their lifetime (15 minutes by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
    if_match: str,
) -> Problem | UserRead | None:
    """Change or deactivate a user

     Send If-Match with the ETag you read. `active: false` deactivates: the user cannot log in and every
    refresh token stops working at once. A new password also ends all sessions.

    Args:
        user_id (str): User id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (UserUpdate): Change roles, the display name or the password, or (de)activate. Send
            If-Match.

            Deactivating stops every refresh token of the user at once; access tokens already issued
            run out within their lifetime (15 minutes by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
    if_match: str,
) -> Response[Problem | UserRead]:
    """Change or deactivate a user

     Send If-Match with the ETag you read. `active: false` deactivates: the user cannot log in and every
    refresh token stops working at once. A new password also ends all sessions.

    Args:
        user_id (str): User id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (UserUpdate): Change roles, the display name or the password, or (de)activate. Send
            If-Match.

            Deactivating stops every refresh token of the user at once; access tokens already issued
            run out within their lifetime (15 minutes by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserRead]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
    if_match: str,
) -> Problem | UserRead | None:
    """Change or deactivate a user

     Send If-Match with the ETag you read. `active: false` deactivates: the user cannot log in and every
    refresh token stops working at once. A new password also ends all sessions.

    Args:
        user_id (str): User id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (UserUpdate): Change roles, the display name or the password, or (de)activate. Send
            If-Match.

            Deactivating stops every refresh token of the user at once; access tokens already issued
            run out within their lifetime (15 minutes by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserRead
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
