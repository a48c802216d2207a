from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.frame_import_report import FrameImportReport
from ...models.import_planning_frames_body import ImportPlanningFramesBody
from ...models.import_planning_frames_mode import ImportPlanningFramesMode
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    programme_id: UUID,
    *,
    body: ImportPlanningFramesBody,
    mode: ImportPlanningFramesMode | Unset = ImportPlanningFramesMode.ALL_OR_NOTHING,
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
        "url": "/funding/v1/programmes/{programme_id}/planning-frames".format(
            programme_id=quote(str(programme_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = FrameImportReport.from_dict(response.json())

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
) -> Response[FrameImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportPlanningFramesBody,
    mode: ImportPlanningFramesMode | Unset = ImportPlanningFramesMode.ALL_OR_NOTHING,
) -> Response[FrameImportReport | Problem]:
    """Import planning frames from CSV

     Creates or replaces frames from the file (multipart part `file`): CSV with the header
    `ags;name;amount;status;reference_date` as spreadsheet programs save it (UTF-8 with or
    without BOM, or Windows-1252; `;` or `,`; amounts like `271.248,00` or `271248.00`, dates
    like `15.09.2017` or `2017-09-15`). Lines equal to the stored frame are `unchanged`; a
    final frame cannot become preliminary again. `mode` decides what happens when lines are
    refused; each refused line is listed in `line_errors` as `{line, field, code, message}`. A
    frame going from `preliminary` to `final` flags the applications based on it for review
    (`needs_review`) and emits `frame.finalized`. `curl --data-binary` with
    `Content-Type: text/csv` works too.

    Args:
        programme_id (UUID): The programme's id
        mode (ImportPlanningFramesMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportPlanningFramesMode.ALL_OR_NOTHING.
        body (ImportPlanningFramesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameImportReport | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        body=body,
        mode=mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportPlanningFramesBody,
    mode: ImportPlanningFramesMode | Unset = ImportPlanningFramesMode.ALL_OR_NOTHING,
) -> FrameImportReport | Problem | None:
    """Import planning frames from CSV

     Creates or replaces frames from the file (multipart part `file`): CSV with the header
    `ags;name;amount;status;reference_date` as spreadsheet programs save it (UTF-8 with or
    without BOM, or Windows-1252; `;` or `,`; amounts like `271.248,00` or `271248.00`, dates
    like `15.09.2017` or `2017-09-15`). Lines equal to the stored frame are `unchanged`; a
    final frame cannot become preliminary again. `mode` decides what happens when lines are
    refused; each refused line is listed in `line_errors` as `{line, field, code, message}`. A
    frame going from `preliminary` to `final` flags the applications based on it for review
    (`needs_review`) and emits `frame.finalized`. `curl --data-binary` with
    `Content-Type: text/csv` works too.

    Args:
        programme_id (UUID): The programme's id
        mode (ImportPlanningFramesMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportPlanningFramesMode.ALL_OR_NOTHING.
        body (ImportPlanningFramesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameImportReport | Problem
    """

    return sync_detailed(
        programme_id=programme_id,
        client=client,
        body=body,
        mode=mode,
    ).parsed


async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportPlanningFramesBody,
    mode: ImportPlanningFramesMode | Unset = ImportPlanningFramesMode.ALL_OR_NOTHING,
) -> Response[FrameImportReport | Problem]:
    """Import planning frames from CSV

     Creates or replaces frames from the file (multipart part `file`): CSV with the header
    `ags;name;amount;status;reference_date` as spreadsheet programs save it (UTF-8 with or
    without BOM, or Windows-1252; `;` or `,`; amounts like `271.248,00` or `271248.00`, dates
    like `15.09.2017` or `2017-09-15`). Lines equal to the stored frame are `unchanged`; a
    final frame cannot become preliminary again. `mode` decides what happens when lines are
    refused; each refused line is listed in `line_errors` as `{line, field, code, message}`. A
    frame going from `preliminary` to `final` flags the applications based on it for review
    (`needs_review`) and emits `frame.finalized`. `curl --data-binary` with
    `Content-Type: text/csv` works too.

    Args:
        programme_id (UUID): The programme's id
        mode (ImportPlanningFramesMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportPlanningFramesMode.ALL_OR_NOTHING.
        body (ImportPlanningFramesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameImportReport | Problem]
    """

    kwargs = _get_kwargs(
        programme_id=programme_id,
        body=body,
        mode=mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ImportPlanningFramesBody,
    mode: ImportPlanningFramesMode | Unset = ImportPlanningFramesMode.ALL_OR_NOTHING,
) -> FrameImportReport | Problem | None:
    """Import planning frames from CSV

     Creates or replaces frames from the file (multipart part `file`): CSV with the header
    `ags;name;amount;status;reference_date` as spreadsheet programs save it (UTF-8 with or
    without BOM, or Windows-1252; `;` or `,`; amounts like `271.248,00` or `271248.00`, dates
    like `15.09.2017` or `2017-09-15`). Lines equal to the stored frame are `unchanged`; a
    final frame cannot become preliminary again. `mode` decides what happens when lines are
    refused; each refused line is listed in `line_errors` as `{line, field, code, message}`. A
    frame going from `preliminary` to `final` flags the applications based on it for review
    (`needs_review`) and emits `frame.finalized`. `curl --data-binary` with
    `Content-Type: text/csv` works too.

    Args:
        programme_id (UUID): The programme's id
        mode (ImportPlanningFramesMode | Unset): `all-or-nothing` (default): any refused line
            refuses the whole file (422 `import-refused`, nothing written). `valid-rows`: the valid
            lines are committed and the refused ones reported in the 200; a file without one valid
            line is refused the same way. Default: ImportPlanningFramesMode.ALL_OR_NOTHING.
        body (ImportPlanningFramesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameImportReport | Problem
    """

    return (
        await asyncio_detailed(
            programme_id=programme_id,
            client=client,
            body=body,
            mode=mode,
        )
    ).parsed
