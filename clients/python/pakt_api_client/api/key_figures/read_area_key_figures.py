import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.area_key_figures import AreaKeyFigures
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    area: str,
    from_: datetime.date,
    to: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["area"] = area

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/v1/key-figures/area",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AreaKeyFigures | Problem | None:
    if response.status_code == 200:
        response_200 = AreaKeyFigures.from_dict(response.json())

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
) -> Response[AreaKeyFigures | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    area: str,
    from_: datetime.date,
    to: datetime.date,
) -> Response[AreaKeyFigures | Problem]:
    """Key figures of a district, a region or the whole state

     Totals of every organization whose place in the state (`org_path`) lies in `area` (an AGS key: `08`
    the state, `081` a region, `08117` a district), for whole months `from`..`to`: new cases, plans
    created and revised, consultations and hours, referrals by agency, cases closed by reason. Counts
    from 1 to 4 read "<5". Persons counselled and goals do not add up across months and organizations:
    read them per organization. Read from monthly aggregates kept with every change, so the whole state
    costs as much as a district. For `analyst`, `district_reviewer` and `approver` callers whose own
    area contains `area` (ministry: every area); others get 403 `outside-area`.

    Args:
        area (str): AGS key of the area (state, region, district or municipality)
        from_ (datetime.date): First day of a month
        to (datetime.date): Last day of a month

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreaKeyFigures | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    area: str,
    from_: datetime.date,
    to: datetime.date,
) -> AreaKeyFigures | Problem | None:
    """Key figures of a district, a region or the whole state

     Totals of every organization whose place in the state (`org_path`) lies in `area` (an AGS key: `08`
    the state, `081` a region, `08117` a district), for whole months `from`..`to`: new cases, plans
    created and revised, consultations and hours, referrals by agency, cases closed by reason. Counts
    from 1 to 4 read "<5". Persons counselled and goals do not add up across months and organizations:
    read them per organization. Read from monthly aggregates kept with every change, so the whole state
    costs as much as a district. For `analyst`, `district_reviewer` and `approver` callers whose own
    area contains `area` (ministry: every area); others get 403 `outside-area`.

    Args:
        area (str): AGS key of the area (state, region, district or municipality)
        from_ (datetime.date): First day of a month
        to (datetime.date): Last day of a month

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreaKeyFigures | Problem
    """

    return sync_detailed(
        client=client,
        area=area,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    area: str,
    from_: datetime.date,
    to: datetime.date,
) -> Response[AreaKeyFigures | Problem]:
    """Key figures of a district, a region or the whole state

     Totals of every organization whose place in the state (`org_path`) lies in `area` (an AGS key: `08`
    the state, `081` a region, `08117` a district), for whole months `from`..`to`: new cases, plans
    created and revised, consultations and hours, referrals by agency, cases closed by reason. Counts
    from 1 to 4 read "<5". Persons counselled and goals do not add up across months and organizations:
    read them per organization. Read from monthly aggregates kept with every change, so the whole state
    costs as much as a district. For `analyst`, `district_reviewer` and `approver` callers whose own
    area contains `area` (ministry: every area); others get 403 `outside-area`.

    Args:
        area (str): AGS key of the area (state, region, district or municipality)
        from_ (datetime.date): First day of a month
        to (datetime.date): Last day of a month

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AreaKeyFigures | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    area: str,
    from_: datetime.date,
    to: datetime.date,
) -> AreaKeyFigures | Problem | None:
    """Key figures of a district, a region or the whole state

     Totals of every organization whose place in the state (`org_path`) lies in `area` (an AGS key: `08`
    the state, `081` a region, `08117` a district), for whole months `from`..`to`: new cases, plans
    created and revised, consultations and hours, referrals by agency, cases closed by reason. Counts
    from 1 to 4 read "<5". Persons counselled and goals do not add up across months and organizations:
    read them per organization. Read from monthly aggregates kept with every change, so the whole state
    costs as much as a district. For `analyst`, `district_reviewer` and `approver` callers whose own
    area contains `area` (ministry: every area); others get 403 `outside-area`.

    Args:
        area (str): AGS key of the area (state, region, district or municipality)
        from_ (datetime.date): First day of a month
        to (datetime.date): Last day of a month

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AreaKeyFigures | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            area=area,
            from_=from_,
            to=to,
        )
    ).parsed
