import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_applications_state_type_0_item import ListApplicationsStateType0Item
from ...models.page_application_read import PageApplicationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: list[ListApplicationsStateType0Item] | None | Unset = UNSET,
    programme_id: None | Unset | UUID = UNSET,
    applicant: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    region: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    amount_min: None | str | Unset = UNSET,
    amount_max: None | str | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: list[str] | None | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, list):
        json_state = []
        for state_type_0_item_data in state:
            state_type_0_item = state_type_0_item_data.value
            json_state.append(state_type_0_item)

    else:
        json_state = state
    params["state"] = json_state

    json_programme_id: None | str | Unset
    if isinstance(programme_id, Unset):
        json_programme_id = UNSET
    elif isinstance(programme_id, UUID):
        json_programme_id = str(programme_id)
    else:
        json_programme_id = programme_id
    params["programme_id"] = json_programme_id

    json_applicant: None | str | Unset
    if isinstance(applicant, Unset):
        json_applicant = UNSET
    else:
        json_applicant = applicant
    params["applicant"] = json_applicant

    json_district: None | str | Unset
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_submitted_from: None | str | Unset
    if isinstance(submitted_from, Unset):
        json_submitted_from = UNSET
    elif isinstance(submitted_from, datetime.date):
        json_submitted_from = submitted_from.isoformat()
    else:
        json_submitted_from = submitted_from
    params["submitted_from"] = json_submitted_from

    json_submitted_to: None | str | Unset
    if isinstance(submitted_to, Unset):
        json_submitted_to = UNSET
    elif isinstance(submitted_to, datetime.date):
        json_submitted_to = submitted_to.isoformat()
    else:
        json_submitted_to = submitted_to
    params["submitted_to"] = json_submitted_to

    json_amount_min: None | str | Unset
    if isinstance(amount_min, Unset):
        json_amount_min = UNSET
    else:
        json_amount_min = amount_min
    params["amount_min"] = json_amount_min

    json_amount_max: None | str | Unset
    if isinstance(amount_max, Unset):
        json_amount_max = UNSET
    else:
        json_amount_max = amount_max
    params["amount_max"] = json_amount_max

    json_needs_review: bool | None | Unset
    if isinstance(needs_review, Unset):
        json_needs_review = UNSET
    else:
        json_needs_review = needs_review
    params["needs_review"] = json_needs_review

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/funding/v1/applications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageApplicationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageApplicationRead.from_dict(response.json())

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
) -> Response[PageApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: list[ListApplicationsStateType0Item] | None | Unset = UNSET,
    programme_id: None | Unset | UUID = UNSET,
    applicant: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    region: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    amount_min: None | str | Unset = UNSET,
    amount_max: None | str | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageApplicationRead | Problem]:
    """List applications

     Applications the caller reads (services.common.policy): the applicant's (role
    `applicant`), the district's (`district_reviewer`) and the council's (`approver`) once
    submitted, a commissioned charity's (`applicant`, read-only, without managers' names);
    oldest first, filtered. Other roles get 403.

    Args:
        state (list[ListApplicationsStateType0Item] | None | Unset): Only these states
            (repeatable)
        programme_id (None | Unset | UUID):
        applicant (None | str | Unset): Applicant organization id
        district (None | str | Unset): District AGS, e.g. 08117
        region (None | str | Unset): Regierungsbezirk AGS, e.g. 081
        submitted_from (datetime.date | None | Unset): Submitted on or after this day (UTC)
        submitted_to (datetime.date | None | Unset): Submitted on or before this day (UTC)
        amount_min (None | str | Unset): EUR, e.g. "51000.00"
        amount_max (None | str | Unset): EUR, e.g. "51000.00"
        needs_review (bool | None | Unset): Flagged after a final planning frame
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
        programme_id=programme_id,
        applicant=applicant,
        district=district,
        region=region,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        amount_min=amount_min,
        amount_max=amount_max,
        needs_review=needs_review,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: list[ListApplicationsStateType0Item] | None | Unset = UNSET,
    programme_id: None | Unset | UUID = UNSET,
    applicant: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    region: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    amount_min: None | str | Unset = UNSET,
    amount_max: None | str | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageApplicationRead | Problem | None:
    """List applications

     Applications the caller reads (services.common.policy): the applicant's (role
    `applicant`), the district's (`district_reviewer`) and the council's (`approver`) once
    submitted, a commissioned charity's (`applicant`, read-only, without managers' names);
    oldest first, filtered. Other roles get 403.

    Args:
        state (list[ListApplicationsStateType0Item] | None | Unset): Only these states
            (repeatable)
        programme_id (None | Unset | UUID):
        applicant (None | str | Unset): Applicant organization id
        district (None | str | Unset): District AGS, e.g. 08117
        region (None | str | Unset): Regierungsbezirk AGS, e.g. 081
        submitted_from (datetime.date | None | Unset): Submitted on or after this day (UTC)
        submitted_to (datetime.date | None | Unset): Submitted on or before this day (UTC)
        amount_min (None | str | Unset): EUR, e.g. "51000.00"
        amount_max (None | str | Unset): EUR, e.g. "51000.00"
        needs_review (bool | None | Unset): Flagged after a final planning frame
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        state=state,
        programme_id=programme_id,
        applicant=applicant,
        district=district,
        region=region,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        amount_min=amount_min,
        amount_max=amount_max,
        needs_review=needs_review,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: list[ListApplicationsStateType0Item] | None | Unset = UNSET,
    programme_id: None | Unset | UUID = UNSET,
    applicant: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    region: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    amount_min: None | str | Unset = UNSET,
    amount_max: None | str | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageApplicationRead | Problem]:
    """List applications

     Applications the caller reads (services.common.policy): the applicant's (role
    `applicant`), the district's (`district_reviewer`) and the council's (`approver`) once
    submitted, a commissioned charity's (`applicant`, read-only, without managers' names);
    oldest first, filtered. Other roles get 403.

    Args:
        state (list[ListApplicationsStateType0Item] | None | Unset): Only these states
            (repeatable)
        programme_id (None | Unset | UUID):
        applicant (None | str | Unset): Applicant organization id
        district (None | str | Unset): District AGS, e.g. 08117
        region (None | str | Unset): Regierungsbezirk AGS, e.g. 081
        submitted_from (datetime.date | None | Unset): Submitted on or after this day (UTC)
        submitted_to (datetime.date | None | Unset): Submitted on or before this day (UTC)
        amount_min (None | str | Unset): EUR, e.g. "51000.00"
        amount_max (None | str | Unset): EUR, e.g. "51000.00"
        needs_review (bool | None | Unset): Flagged after a final planning frame
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
        programme_id=programme_id,
        applicant=applicant,
        district=district,
        region=region,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
        amount_min=amount_min,
        amount_max=amount_max,
        needs_review=needs_review,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: list[ListApplicationsStateType0Item] | None | Unset = UNSET,
    programme_id: None | Unset | UUID = UNSET,
    applicant: None | str | Unset = UNSET,
    district: None | str | Unset = UNSET,
    region: None | str | Unset = UNSET,
    submitted_from: datetime.date | None | Unset = UNSET,
    submitted_to: datetime.date | None | Unset = UNSET,
    amount_min: None | str | Unset = UNSET,
    amount_max: None | str | Unset = UNSET,
    needs_review: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageApplicationRead | Problem | None:
    """List applications

     Applications the caller reads (services.common.policy): the applicant's (role
    `applicant`), the district's (`district_reviewer`) and the council's (`approver`) once
    submitted, a commissioned charity's (`applicant`, read-only, without managers' names);
    oldest first, filtered. Other roles get 403.

    Args:
        state (list[ListApplicationsStateType0Item] | None | Unset): Only these states
            (repeatable)
        programme_id (None | Unset | UUID):
        applicant (None | str | Unset): Applicant organization id
        district (None | str | Unset): District AGS, e.g. 08117
        region (None | str | Unset): Regierungsbezirk AGS, e.g. 081
        submitted_from (datetime.date | None | Unset): Submitted on or after this day (UTC)
        submitted_to (datetime.date | None | Unset): Submitted on or before this day (UTC)
        amount_min (None | str | Unset): EUR, e.g. "51000.00"
        amount_max (None | str | Unset): EUR, e.g. "51000.00"
        needs_review (bool | None | Unset): Flagged after a final planning frame
        limit (int | Unset): Items per page (1-100) Default: 50.
        cursor (None | str | Unset): Opaque `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            programme_id=programme_id,
            applicant=applicant,
            district=district,
            region=region,
            submitted_from=submitted_from,
            submitted_to=submitted_to,
            amount_min=amount_min,
            amount_max=amount_max,
            needs_review=needs_review,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
