from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.frame_usage_read import FrameUsageRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    programme_id: UUID,
    ags: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/funding/v1/programmes/{programme_id}/planning-frames/{ags}/usage".format(
            programme_id=quote(str(programme_id), safe=""),
            ags=quote(str(ags), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameUsageRead | Problem | None:
    if response.status_code == 200:
        response_200 = FrameUsageRead.from_dict(response.json())

        return response_200

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
) -> Response[FrameUsageRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
) -> Response[FrameUsageRead | Problem]:
    """Read what a planning frame holds and what remains

     The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications.

    Args:
        programme_id (UUID): The programme's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameUsageRead | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        ags=ags,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
) -> FrameUsageRead | Problem | None:
    """Read what a planning frame holds and what remains

     The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications.

    Args:
        programme_id (UUID): The programme's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameUsageRead | Problem
    """

    return sync_detailed(
        programme_id=programme_id,
        ags=ags,
        client=client,
    ).parsed


async def asyncio_detailed(
    programme_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
) -> Response[FrameUsageRead | Problem]:
    """Read what a planning frame holds and what remains

     The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications.

    Args:
        programme_id (UUID): The programme's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameUsageRead | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        ags=ags,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: UUID,
    ags: str,
    *,
    client: AuthenticatedClient,
) -> FrameUsageRead | Problem | None:
    """Read what a planning frame holds and what remains

     The municipality's frame is a ceiling across all its applications in the programme:
    submitted, forwarded and approved ones (the granted amount after a partial approval) hold
    their share of it, alone, as consortium members or delegated to the district; drafts hold
    nothing, returned, withdrawn and rejected ones release. For the municipality's applicant
    or org_admin, its district reviewer and the approver deciding its applications.

    Args:
        programme_id (UUID): The programme's id
        ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a
            municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameUsageRead | Problem
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            ags=ags,
            client=client,
        )
    ).parsed
