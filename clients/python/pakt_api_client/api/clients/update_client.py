from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_read import ClientRead
from ...models.client_update import ClientUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    client_row_id: str,
    *,
    body: ClientUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/auth/v1/clients/{client_row_id}".format(
            client_row_id=quote(str(client_row_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClientRead | Problem | None:
    if response.status_code == 200:
        response_200 = ClientRead.from_dict(response.json())

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
) -> Response[ClientRead | Problem]:
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
    body: ClientUpdate,
    if_match: str,
) -> Response[ClientRead | Problem]:
    """Change or deactivate an API client

     Send If-Match. A deactivated client gets no new tokens and its tokens introspect as inactive.

    Args:
        client_row_id (str): Id of the client record (not the client_id)
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ClientUpdate): Change name, roles, scopes, redirect URIs, grants, or (de)activate a
            client. Send
            If-Match. The type of a client does not change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientRead | Problem]
    """

    kwargs = _get_kwargs(
        client_row_id=client_row_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,
    if_match: str,
) -> ClientRead | Problem | None:
    """Change or deactivate an API client

     Send If-Match. A deactivated client gets no new tokens and its tokens introspect as inactive.

    Args:
        client_row_id (str): Id of the client record (not the client_id)
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ClientUpdate): Change name, roles, scopes, redirect URIs, grants, or (de)activate a
            client. Send
            If-Match. The type of a client does not change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientRead | Problem
    """

    return sync_detailed(
        client_row_id=client_row_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,
    if_match: str,
) -> Response[ClientRead | Problem]:
    """Change or deactivate an API client

     Send If-Match. A deactivated client gets no new tokens and its tokens introspect as inactive.

    Args:
        client_row_id (str): Id of the client record (not the client_id)
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ClientUpdate): Change name, roles, scopes, redirect URIs, grants, or (de)activate a
            client. Send
            If-Match. The type of a client does not change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientRead | Problem]
    """

    kwargs = _get_kwargs(
        client_row_id=client_row_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_row_id: str,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,
    if_match: str,
) -> ClientRead | Problem | None:
    """Change or deactivate an API client

     Send If-Match. A deactivated client gets no new tokens and its tokens introspect as inactive.

    Args:
        client_row_id (str): Id of the client record (not the client_id)
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (ClientUpdate): Change name, roles, scopes, redirect URIs, grants, or (de)activate a
            client. Send
            If-Match. The type of a client does not change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientRead | Problem
    """

    return (
        await asyncio_detailed(
            client_row_id=client_row_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
