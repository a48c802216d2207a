from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_organizations_body import ImportOrganizationsBody
from ...models.import_organizations_mode import ImportOrganizationsMode
from ...models.import_report import ImportReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportOrganizationsBody,
    mode: ImportOrganizationsMode | Unset = ImportOrganizationsMode.ALL_OR_NOTHING,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v1/organization-imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportOrganizationsBody,
    mode: ImportOrganizationsMode | Unset = ImportOrganizationsMode.ALL_OR_NOTHING,
) -> Response[ImportReport | Problem]:
    """Import organizations from CSV (admin)

     The file (multipart part `file`): CSV with the header `ags;name;kind;parent_ags`, as spreadsheet
    programs save it (UTF-8 with or without BOM, or Windows-1252; `;` or `,`). Rows are taken in order,
    so a row may name a parent created above it. New organizations are created, existing ones (same AGS;
    without AGS, same parent, kind and name) are unchanged or renamed. `mode` decides what happens when
    rows are refused; every refused row is listed in `line_errors` as `{line, field, code, message}`.
    `curl --data-binary` with `Content-Type: text/csv` works too.

    Args:
        mode (ImportOrganizationsMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportOrganizationsMode.ALL_OR_NOTHING.
        body (ImportOrganizationsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportOrganizationsBody,
    mode: ImportOrganizationsMode | Unset = ImportOrganizationsMode.ALL_OR_NOTHING,
) -> ImportReport | Problem | None:
    """Import organizations from CSV (admin)

     The file (multipart part `file`): CSV with the header `ags;name;kind;parent_ags`, as spreadsheet
    programs save it (UTF-8 with or without BOM, or Windows-1252; `;` or `,`). Rows are taken in order,
    so a row may name a parent created above it. New organizations are created, existing ones (same AGS;
    without AGS, same parent, kind and name) are unchanged or renamed. `mode` decides what happens when
    rows are refused; every refused row is listed in `line_errors` as `{line, field, code, message}`.
    `curl --data-binary` with `Content-Type: text/csv` works too.

    Args:
        mode (ImportOrganizationsMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportOrganizationsMode.ALL_OR_NOTHING.
        body (ImportOrganizationsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        mode=mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportOrganizationsBody,
    mode: ImportOrganizationsMode | Unset = ImportOrganizationsMode.ALL_OR_NOTHING,
) -> Response[ImportReport | Problem]:
    """Import organizations from CSV (admin)

     The file (multipart part `file`): CSV with the header `ags;name;kind;parent_ags`, as spreadsheet
    programs save it (UTF-8 with or without BOM, or Windows-1252; `;` or `,`). Rows are taken in order,
    so a row may name a parent created above it. New organizations are created, existing ones (same AGS;
    without AGS, same parent, kind and name) are unchanged or renamed. `mode` decides what happens when
    rows are refused; every refused row is listed in `line_errors` as `{line, field, code, message}`.
    `curl --data-binary` with `Content-Type: text/csv` works too.

    Args:
        mode (ImportOrganizationsMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportOrganizationsMode.ALL_OR_NOTHING.
        body (ImportOrganizationsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportOrganizationsBody,
    mode: ImportOrganizationsMode | Unset = ImportOrganizationsMode.ALL_OR_NOTHING,
) -> ImportReport | Problem | None:
    """Import organizations from CSV (admin)

     The file (multipart part `file`): CSV with the header `ags;name;kind;parent_ags`, as spreadsheet
    programs save it (UTF-8 with or without BOM, or Windows-1252; `;` or `,`). Rows are taken in order,
    so a row may name a parent created above it. New organizations are created, existing ones (same AGS;
    without AGS, same parent, kind and name) are unchanged or renamed. `mode` decides what happens when
    rows are refused; every refused row is listed in `line_errors` as `{line, field, code, message}`.
    `curl --data-binary` with `Content-Type: text/csv` works too.

    Args:
        mode (ImportOrganizationsMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportOrganizationsMode.ALL_OR_NOTHING.
        body (ImportOrganizationsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mode=mode,
        )
    ).parsed
