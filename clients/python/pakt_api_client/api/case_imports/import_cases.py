from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_import_report import CaseImportReport
from ...models.import_cases_body import ImportCasesBody
from ...models.import_cases_mode import ImportCasesMode
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportCasesBody,
    mode: ImportCasesMode | Unset = ImportCasesMode.ALL_OR_NOTHING,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cases/v1/case-imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaseImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = CaseImportReport.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[CaseImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCasesBody,
    mode: ImportCasesMode | Unset = ImportCasesMode.ALL_OR_NOTHING,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CaseImportReport | Problem]:
    """Import cases (JSON Lines or CSV)

     Up to 10000 cases in the file (multipart part `file`), matched by `external_id` within your
    organization: unknown ids create a case, known ids update it, equal lines are `unchanged` (repeating
    an import changes nothing). The file is JSON Lines (each line an ImportLine, see `x-line-schema`)
    or, when it does not start with `{`, CSV with a header of ImportLine members
    (`external_id;pseudonym;municipality_ags;opened_on` and optionally
    `status;closing_reason;closed_on;assigned_worker`) as spreadsheet programs save it: UTF-8 or
    Windows-1252, `;` or `,`, dates like `15.09.2017`. `mode` decides what happens when lines are
    refused; each is listed in `line_errors` as `{line, field, code, message}`. Accepts `Idempotency-
    Key` (the same file and mode replay the first answer). `curl --data-binary` with `Content-Type:
    application/x-ndjson` or `text/csv` works too.

    Args:
        mode (ImportCasesMode | Unset): `all-or-nothing` (default): any refused line refuses the
            whole file (422 `import-refused`, nothing written). `valid-rows`: the valid lines are
            committed and the refused ones reported in the 200; a file without one valid line is
            refused the same way. Default: ImportCasesMode.ALL_OR_NOTHING.
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ImportCasesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportCasesBody,
    mode: ImportCasesMode | Unset = ImportCasesMode.ALL_OR_NOTHING,
    idempotency_key: None | str | Unset = UNSET,
) -> CaseImportReport | Problem | None:
    """Import cases (JSON Lines or CSV)

     Up to 10000 cases in the file (multipart part `file`), matched by `external_id` within your
    organization: unknown ids create a case, known ids update it, equal lines are `unchanged` (repeating
    an import changes nothing). The file is JSON Lines (each line an ImportLine, see `x-line-schema`)
    or, when it does not start with `{`, CSV with a header of ImportLine members
    (`external_id;pseudonym;municipality_ags;opened_on` and optionally
    `status;closing_reason;closed_on;assigned_worker`) as spreadsheet programs save it: UTF-8 or
    Windows-1252, `;` or `,`, dates like `15.09.2017`. `mode` decides what happens when lines are
    refused; each is listed in `line_errors` as `{line, field, code, message}`. Accepts `Idempotency-
    Key` (the same file and mode replay the first answer). `curl --data-binary` with `Content-Type:
    application/x-ndjson` or `text/csv` works too.

    Args:
        mode (ImportCasesMode | Unset): `all-or-nothing` (default): any refused line refuses the
            whole file (422 `import-refused`, nothing written). `valid-rows`: the valid lines are
            committed and the refused ones reported in the 200; a file without one valid line is
            refused the same way. Default: ImportCasesMode.ALL_OR_NOTHING.
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ImportCasesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCasesBody,
    mode: ImportCasesMode | Unset = ImportCasesMode.ALL_OR_NOTHING,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CaseImportReport | Problem]:
    """Import cases (JSON Lines or CSV)

     Up to 10000 cases in the file (multipart part `file`), matched by `external_id` within your
    organization: unknown ids create a case, known ids update it, equal lines are `unchanged` (repeating
    an import changes nothing). The file is JSON Lines (each line an ImportLine, see `x-line-schema`)
    or, when it does not start with `{`, CSV with a header of ImportLine members
    (`external_id;pseudonym;municipality_ags;opened_on` and optionally
    `status;closing_reason;closed_on;assigned_worker`) as spreadsheet programs save it: UTF-8 or
    Windows-1252, `;` or `,`, dates like `15.09.2017`. `mode` decides what happens when lines are
    refused; each is listed in `line_errors` as `{line, field, code, message}`. Accepts `Idempotency-
    Key` (the same file and mode replay the first answer). `curl --data-binary` with `Content-Type:
    application/x-ndjson` or `text/csv` works too.

    Args:
        mode (ImportCasesMode | Unset): `all-or-nothing` (default): any refused line refuses the
            whole file (422 `import-refused`, nothing written). `valid-rows`: the valid lines are
            committed and the refused ones reported in the 200; a file without one valid line is
            refused the same way. Default: ImportCasesMode.ALL_OR_NOTHING.
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ImportCasesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        mode=mode,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportCasesBody,
    mode: ImportCasesMode | Unset = ImportCasesMode.ALL_OR_NOTHING,
    idempotency_key: None | str | Unset = UNSET,
) -> CaseImportReport | Problem | None:
    """Import cases (JSON Lines or CSV)

     Up to 10000 cases in the file (multipart part `file`), matched by `external_id` within your
    organization: unknown ids create a case, known ids update it, equal lines are `unchanged` (repeating
    an import changes nothing). The file is JSON Lines (each line an ImportLine, see `x-line-schema`)
    or, when it does not start with `{`, CSV with a header of ImportLine members
    (`external_id;pseudonym;municipality_ags;opened_on` and optionally
    `status;closing_reason;closed_on;assigned_worker`) as spreadsheet programs save it: UTF-8 or
    Windows-1252, `;` or `,`, dates like `15.09.2017`. `mode` decides what happens when lines are
    refused; each is listed in `line_errors` as `{line, field, code, message}`. Accepts `Idempotency-
    Key` (the same file and mode replay the first answer). `curl --data-binary` with `Content-Type:
    application/x-ndjson` or `text/csv` works too.

    Args:
        mode (ImportCasesMode | Unset): `all-or-nothing` (default): any refused line refuses the
            whole file (422 `import-refused`, nothing written). `valid-rows`: the valid lines are
            committed and the refused ones reported in the 200; a file without one valid line is
            refused the same way. Default: ImportCasesMode.ALL_OR_NOTHING.
        idempotency_key (None | str | Unset): Any unique string (a UUID is ideal); a retry with
            the same key and body replays the first response
        body (ImportCasesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            mode=mode,
            idempotency_key=idempotency_key,
        )
    ).parsed
