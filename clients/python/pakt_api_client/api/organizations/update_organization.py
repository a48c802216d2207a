from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.organization_read import OrganizationRead
from ...models.organization_update import OrganizationUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org_id: str,
    *,
    body: OrganizationUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/auth/v1/organizations/{org_id}".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrganizationRead | Problem | None:
    if response.status_code == 200:
        response_200 = OrganizationRead.from_dict(response.json())

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
) -> Response[OrganizationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: str,
    *,
    client: AuthenticatedClient,
    body: OrganizationUpdate,
    if_match: str,
) -> Response[OrganizationRead | Problem]:
    """Rename an organization or set a consortium's members (admin)

     Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; they must be
    municipalities and may lie in different districts.

    Args:
        org_id (str): Organization id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (OrganizationUpdate): Rename an organization or change a consortium's members (send
            If-Match).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationRead | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: str,
    *,
    client: AuthenticatedClient,
    body: OrganizationUpdate,
    if_match: str,
) -> OrganizationRead | Problem | None:
    """Rename an organization or set a consortium's members (admin)

     Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; they must be
    municipalities and may lie in different districts.

    Args:
        org_id (str): Organization id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (OrganizationUpdate): Rename an organization or change a consortium's members (send
            If-Match).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationRead | Problem
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org_id: str,
    *,
    client: AuthenticatedClient,
    body: OrganizationUpdate,
    if_match: str,
) -> Response[OrganizationRead | Problem]:
    """Rename an organization or set a consortium's members (admin)

     Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; they must be
    municipalities and may lie in different districts.

    Args:
        org_id (str): Organization id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (OrganizationUpdate): Rename an organization or change a consortium's members (send
            If-Match).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationRead | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: str,
    *,
    client: AuthenticatedClient,
    body: OrganizationUpdate,
    if_match: str,
) -> OrganizationRead | Problem | None:
    """Rename an organization or set a consortium's members (admin)

     Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; they must be
    municipalities and may lie in different districts.

    Args:
        org_id (str): Organization id
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.
        body (OrganizationUpdate): Rename an organization or change a consortium's members (send
            If-Match).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationRead | Problem
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
