from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consortium_read import ConsortiumRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    consortium_id: UUID,
    ags: str,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/funding/v1/consortia/{consortium_id}/members/{ags}/leave".format(
            consortium_id=quote(str(consortium_id), safe=""),
            ags=quote(str(ags), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsortiumRead | Problem | None:
    if response.status_code == 200:
        response_200 = ConsortiumRead.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[ConsortiumRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consortium_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[ConsortiumRead | Problem]:
    """Leave a consortium

     An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`).

    Args:
        consortium_id (UUID): The consortium's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsortiumRead | Problem]
    """

    kwargs = _get_kwargs(
        consortium_id=consortium_id,
        ags=ags,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consortium_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> ConsortiumRead | Problem | None:
    """Leave a consortium

     An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`).

    Args:
        consortium_id (UUID): The consortium's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsortiumRead | Problem
    """

    return sync_detailed(
        consortium_id=consortium_id,
        ags=ags,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    consortium_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[ConsortiumRead | Problem]:
    """Leave a consortium

     An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`).

    Args:
        consortium_id (UUID): The consortium's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsortiumRead | Problem]
    """

    kwargs = _get_kwargs(
        consortium_id=consortium_id,
        ags=ags,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consortium_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> ConsortiumRead | Problem | None:
    """Leave a consortium

     An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`).

    Args:
        consortium_id (UUID): The consortium's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).
        if_match (str): The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong
            ETag; `4` or `W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when
            the resource has changed since you read it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsortiumRead | Problem
    """

    return (
        await asyncio_detailed(
            consortium_id=consortium_id,
            ags=ags,
            client=client,
            if_match=if_match,
        )
    ).parsed
