"""Reading an uploaded import file: the multipart part `file` (what the contract documents,
so every client generator can send it) or, for curl users, the raw body of a media type the
operation names. Bounded in size; the commit `mode` comes as a query parameter."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from services.common.import_lines import DEFAULT_MODE, ImportMode
from services.common.imports.errors import (
    ImportRefused,
    ImportTooLarge,
    UnreadableFile,
    UnsupportedUpload,
)
from services.common.imports.outcome import REPORT_EXAMPLE
from services.common.problem_types import texts
from services.common.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem_responses

MULTIPART = "multipart/form-data"
MODE_DESCRIPTION = (
    "`all-or-nothing` (default): any refused line refuses the whole file (422 "
    "`import-refused`, nothing written). `valid-rows`: the valid lines are committed and the "
    "refused ones reported in the 200; a file without one valid line is refused the same way."
)
ImportModeQuery = Annotated[ImportMode, Query(description=MODE_DESCRIPTION)]


@dataclass(frozen=True)
class UploadSpec:
    """What one import operation takes: the file's size, its raw media types, how to say it."""

    max_bytes: int
    raw_media_types: tuple[str, ...]
    file_description: str


@dataclass(frozen=True)
class Upload:
    """The file's bytes and the chosen commit mode."""

    data: bytes
    mode: ImportMode

    @property
    def fingerprint(self) -> bytes:
        """What an Idempotency-Key stands for: the mode and the file, not the multipart framing."""
        return self.mode.encode() + b"\n" + self.data


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _file_part(request: Request, max_bytes: int) -> bytes:
    try:
        form = await request.form(max_files=1, max_fields=4, max_part_size=max_bytes)
    except HTTPException as exc:  # starlette's answer to a malformed multipart body
        raise UnreadableFile(
            texts(
                f"The multipart body cannot be read: {exc.detail}",
                f"Der Multipart-Body ist nicht lesbar: {exc.detail}",
            )
        ) from exc
    try:
        part = form.get("file")
        if isinstance(part, UploadFile):
            return await part.read()
        if isinstance(part, str):  # a browser's FormData.append("file", text) sends no filename
            return part.encode("utf-8")
        raise UnreadableFile(
            texts(
                "Send the file as the multipart part named `file`",
                "Senden Sie die Datei als Multipart-Teil namens `file`",
            )
        )
    finally:
        await form.close()  # the parts' spooled temporary files


def upload_reader(spec: UploadSpec) -> Callable[..., Awaitable[Upload]]:
    """A dependency reading the operation's upload as `spec` says."""

    async def read_upload(request: Request, mode: ImportModeQuery = DEFAULT_MODE) -> Upload:
        media = _media_type(request)
        if media != MULTIPART and media not in spec.raw_media_types:
            accepted = ", ".join((MULTIPART, *spec.raw_media_types))
            raise UnsupportedUpload(
                texts(
                    f"Send the file as one of: {accepted}",
                    f"Senden Sie die Datei als eines von: {accepted}",
                )
            )
        body = await request.body()  # read first: the form parser then reuses it
        if len(body) > spec.max_bytes:
            raise ImportTooLarge(
                texts(
                    f"Send at most {spec.max_bytes} bytes per import",
                    f"Senden Sie höchstens {spec.max_bytes} Bytes pro Import",
                )
            )
        data = await _file_part(request, spec.max_bytes) if media == MULTIPART else body
        return Upload(data, mode)

    return read_upload


def upload_body(spec: UploadSpec, example: str) -> dict[str, Any]:
    """The operation's `requestBody` for `openapi_extra`: a multipart form with a `file` part
    of `format: binary`, the form openapi-python-client and openapi-typescript both take."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                MULTIPART: {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {
                                "type": "string",
                                "format": "binary",
                                "description": spec.file_description,
                            }
                        },
                    },
                    "encoding": {"file": {"contentType": ", ".join(spec.raw_media_types[:2])}},
                    "example": {"file": example},
                }
            },
        }
    }


def _example(problem: type[ProblemError], detail: str, **extensions: Any) -> dict[str, Any]:
    return {
        "type": problem.type_,
        "title": problem.title,
        "status": problem.status,
        "detail": detail,
        "request_id": "3c5e0a4f9b2d4c1e8f7a6b5c4d3e2f1a",
        **extensions,
    }


IMPORT_PROBLEMS: dict[int, tuple[str, dict[str, Any]]] = {
    400: (
        "The file cannot be read: not UTF-8 or Windows-1252, a wrong header, no rows, not CSV "
        "or JSON Lines, or no multipart part `file` (`unreadable-import-file`)",
        _example(
            UnreadableFile,
            "The first line must name the columns ags;name;kind;parent_ags (any order, `;` or `,`)",
            expected_columns=["ags", "name", "kind", "parent_ags"],
        ),
    ),
    413: (
        "The file has more bytes or lines than one import takes (`import-too-large`)",
        _example(ImportTooLarge, "Send at most 5000 rows per import"),
    ),
    415: (
        "Neither multipart/form-data nor a raw media type the operation takes",
        _example(UnsupportedUpload, "Send the file as one of: multipart/form-data, text/csv"),
    ),
    422: (
        "Lines were refused and nothing was imported (`import-refused`: `line_errors` lists "
        "them, `summary` says what the file would have done), or `mode` is not a mode",
        _example(
            ImportRefused,
            "1 line(s) have errors and the mode is all-or-nothing: nothing was imported",
            mode="all-or-nothing",
            summary={**REPORT_EXAMPLE["summary"]},
            line_errors=REPORT_EXAMPLE["line_errors"],
            line_errors_truncated=False,
        ),
    ),
}


def import_problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`problem_responses` with the import problems' own descriptions and examples."""
    responses = problem_responses(*statuses)
    for status, (description, example) in IMPORT_PROBLEMS.items():
        if status in responses:
            responses[status]["description"] = description
            responses[status]["content"][PROBLEM_MEDIA_TYPE]["example"] = example
    return responses
