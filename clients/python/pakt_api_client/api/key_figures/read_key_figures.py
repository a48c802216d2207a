import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.key_figures import KeyFigures
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    org: str,
    from_: datetime.date,
    to: datetime.date,
    case_worker: None | str | Unset = UNSET,
    commissioned_by: None | str | Unset = UNSET,
    grant_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["org"] = org

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_case_worker: None | str | Unset
    if isinstance(case_worker, Unset):
        json_case_worker = UNSET
    else:
        json_case_worker = case_worker
    params["case_worker"] = json_case_worker

    json_commissioned_by: None | str | Unset
    if isinstance(commissioned_by, Unset):
        json_commissioned_by = UNSET
    else:
        json_commissioned_by = commissioned_by
    params["commissioned_by"] = json_commissioned_by

    json_grant_id: None | str | Unset
    if isinstance(grant_id, Unset):
        json_grant_id = UNSET
    elif isinstance(grant_id, UUID):
        json_grant_id = str(grant_id)
    else:
        json_grant_id = grant_id
    params["grant_id"] = json_grant_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cases/v1/key-figures",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KeyFigures | Problem | None:
    if response.status_code == 200:
        response_200 = KeyFigures.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KeyFigures | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    org: str,
    from_: datetime.date,
    to: datetime.date,
    case_worker: None | str | Unset = UNSET,
    commissioned_by: None | str | Unset = UNSET,
    grant_id: None | Unset | UUID = UNSET,
) -> Response[KeyFigures | Problem]:
    """Key figures (Kennzahlen) of an organization

     Aggregates for the period `from`..`to` (inclusive), in total and per case worker: persons
    counselled, new cases, plans created and revised, consultations and hours, goals by field and
    status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "<5"; a total whose
    cells include a "<5" reads null (secondary suppression). `commissioned_by` (or `grant_id`) limits
    them to the cases a charity delivered for that commissioning organization (or under that grant).
    Readable by any member of the organization itself, by the commissioning organization for its own
    commissioned cases, and by `analyst`, `district_reviewer` and `approver` callers whose `org_path` is
    a prefix of the organization's place in the directory (ministry: everywhere); others get 403
    `outside-area`, whether or not the organization has cases. The funding service's client (scope
    `figures:exact`) reads exact counts for proofs of use. No personal data, so reads are not access-
    logged.

    Args:
        org (str): Organization id
        from_ (datetime.date): First day of the period
        to (datetime.date): Last day of the period
        case_worker (None | str | Unset): Only this case worker
        commissioned_by (None | str | Unset): Only cases delivered for this commissioning
            organization (its id)
        grant_id (None | Unset | UUID): Only cases delivered under this grant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyFigures | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        from_=from_,
        to=to,
        case_worker=case_worker,
        commissioned_by=commissioned_by,
        grant_id=grant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    org: str,
    from_: datetime.date,
    to: datetime.date,
    case_worker: None | str | Unset = UNSET,
    commissioned_by: None | str | Unset = UNSET,
    grant_id: None | Unset | UUID = UNSET,
) -> KeyFigures | Problem | None:
    """Key figures (Kennzahlen) of an organization

     Aggregates for the period `from`..`to` (inclusive), in total and per case worker: persons
    counselled, new cases, plans created and revised, consultations and hours, goals by field and
    status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "<5"; a total whose
    cells include a "<5" reads null (secondary suppression). `commissioned_by` (or `grant_id`) limits
    them to the cases a charity delivered for that commissioning organization (or under that grant).
    Readable by any member of the organization itself, by the commissioning organization for its own
    commissioned cases, and by `analyst`, `district_reviewer` and `approver` callers whose `org_path` is
    a prefix of the organization's place in the directory (ministry: everywhere); others get 403
    `outside-area`, whether or not the organization has cases. The funding service's client (scope
    `figures:exact`) reads exact counts for proofs of use. No personal data, so reads are not access-
    logged.

    Args:
        org (str): Organization id
        from_ (datetime.date): First day of the period
        to (datetime.date): Last day of the period
        case_worker (None | str | Unset): Only this case worker
        commissioned_by (None | str | Unset): Only cases delivered for this commissioning
            organization (its id)
        grant_id (None | Unset | UUID): Only cases delivered under this grant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyFigures | Problem
    """

    return sync_detailed(
        client=client,
        org=org,
        from_=from_,
        to=to,
        case_worker=case_worker,
        commissioned_by=commissioned_by,
        grant_id=grant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    org: str,
    from_: datetime.date,
    to: datetime.date,
    case_worker: None | str | Unset = UNSET,
    commissioned_by: None | str | Unset = UNSET,
    grant_id: None | Unset | UUID = UNSET,
) -> Response[KeyFigures | Problem]:
    """Key figures (Kennzahlen) of an organization

     Aggregates for the period `from`..`to` (inclusive), in total and per case worker: persons
    counselled, new cases, plans created and revised, consultations and hours, goals by field and
    status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "<5"; a total whose
    cells include a "<5" reads null (secondary suppression). `commissioned_by` (or `grant_id`) limits
    them to the cases a charity delivered for that commissioning organization (or under that grant).
    Readable by any member of the organization itself, by the commissioning organization for its own
    commissioned cases, and by `analyst`, `district_reviewer` and `approver` callers whose `org_path` is
    a prefix of the organization's place in the directory (ministry: everywhere); others get 403
    `outside-area`, whether or not the organization has cases. The funding service's client (scope
    `figures:exact`) reads exact counts for proofs of use. No personal data, so reads are not access-
    logged.

    Args:
        org (str): Organization id
        from_ (datetime.date): First day of the period
        to (datetime.date): Last day of the period
        case_worker (None | str | Unset): Only this case worker
        commissioned_by (None | str | Unset): Only cases delivered for this commissioning
            organization (its id)
        grant_id (None | Unset | UUID): Only cases delivered under this grant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyFigures | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        from_=from_,
        to=to,
        case_worker=case_worker,
        commissioned_by=commissioned_by,
        grant_id=grant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    org: str,
    from_: datetime.date,
    to: datetime.date,
    case_worker: None | str | Unset = UNSET,
    commissioned_by: None | str | Unset = UNSET,
    grant_id: None | Unset | UUID = UNSET,
) -> KeyFigures | Problem | None:
    """Key figures (Kennzahlen) of an organization

     Aggregates for the period `from`..`to` (inclusive), in total and per case worker: persons
    counselled, new cases, plans created and revised, consultations and hours, goals by field and
    status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "<5"; a total whose
    cells include a "<5" reads null (secondary suppression). `commissioned_by` (or `grant_id`) limits
    them to the cases a charity delivered for that commissioning organization (or under that grant).
    Readable by any member of the organization itself, by the commissioning organization for its own
    commissioned cases, and by `analyst`, `district_reviewer` and `approver` callers whose `org_path` is
    a prefix of the organization's place in the directory (ministry: everywhere); others get 403
    `outside-area`, whether or not the organization has cases. The funding service's client (scope
    `figures:exact`) reads exact counts for proofs of use. No personal data, so reads are not access-
    logged.

    Args:
        org (str): Organization id
        from_ (datetime.date): First day of the period
        to (datetime.date): Last day of the period
        case_worker (None | str | Unset): Only this case worker
        commissioned_by (None | str | Unset): Only cases delivered for this commissioning
            organization (its id)
        grant_id (None | Unset | UUID): Only cases delivered under this grant

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyFigures | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            org=org,
            from_=from_,
            to=to,
            case_worker=case_worker,
            commissioned_by=commissioned_by,
            grant_id=grant_id,
        )
    ).parsed
