"""The exception handlers that turn errors into problem documents in the caller's language.

`install_problem_handlers(app)` (the app factory calls it); `fault_response` for the middleware
that catches what nothing else translated.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from dataclasses import replace
from typing import Annotated, Any

import structlog
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.common.http_problems import (
    BUSY,
    DATABASE_UNAVAILABLE,
    HTTP_ERROR,
    INTERNAL,
    INVALID_VALUE,
    STATUS_TYPES,
    VALIDATION,
)
from services.common.outage import is_database_unavailable
from services.common.problem_types import (
    ProblemType,
    Reader,
    Texts,
    localized_body,
    reader_of,
    texts,
)
from services.common.problems import (
    MAX_LISTED_ERRORS,
    PROBLEM_MEDIA_TYPE,
    UNAVAILABLE_RETRY_AFTER_SECONDS,
    ProblemError,
)

log = structlog.get_logger("pakt.problems")


def localized_problem(
    scope: MutableMapping[str, Any],
    kind: ProblemType,
    detail: Texts | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A problem of type `kind` in the caller's language (`Accept-Language`), its `type` at the
    app's public base URL, with `Content-Language` and `Vary: Accept-Language`."""
    body, language = localized_body(scope, kind, detail)
    body["instance"] = scope.get("path")
    rid = scope.get("state", {}).get("request_id")
    if rid:
        body["request_id"] = rid
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(
        body,
        status_code=kind.status,
        headers={**language, **(headers or {})},
        media_type=PROBLEM_MEDIA_TYPE,
    )


def _reader(request: Request) -> Reader:
    return reader_of(request.scope)


ReaderDep = Annotated[Reader, Depends(_reader)]
"""The request's reader, for a handler whose resource embeds problems (`render_kept`)."""


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)  # noqa: S101 - registered for this class only
    headers = dict(exc.headers or {})
    if exc.status == 503:  # every "unavailable" tells the client when to come back
        headers.setdefault("Retry-After", str(UNAVAILABLE_RETRY_AFTER_SECONDS))
    return localized_problem(request.scope, exc.problem, exc.details, headers, **exc.extensions)


def _field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for err in errors[:MAX_LISTED_ERRORS]:  # a body with 150,000 bad keys gets a small answer
        loc = [p if isinstance(p, int) else str(p) for p in err.get("loc", ())]
        out.append(
            {"location": loc, "message": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        )
    return out


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    """422 naming the fields; the field `message`s are pydantic's (English), `type` is stable."""
    assert isinstance(exc, RequestValidationError)  # noqa: S101
    every = exc.errors()
    errors = _field_errors(every)
    fields = ", ".join(".".join(str(p) for p in e["location"]) for e in errors[:10])
    detail = texts(f"Invalid fields: {fields}", f"Ungültige Felder: {fields}") if fields else None
    return localized_problem(
        request.scope,
        VALIDATION,
        detail,
        errors=errors,
        error_count=len(every),
        errors_truncated=len(every) > len(errors),
    )


_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH")


def _allowed_methods(request: Request) -> str | None:
    """The methods the app's OpenAPI document lists for this path (the router names only the
    first of the routes that share a path)."""
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            return ", ".join(m for m in _METHODS if m.lower() in item) or None
    return None


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101
    kind = STATUS_TYPES.get(exc.status_code) or replace(HTTP_ERROR, status=exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != kind.title() else None
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405 and (allowed := _allowed_methods(request)):
        headers["Allow"] = allowed
    return localized_problem(request.scope, kind, texts(detail) if detail else None, headers)


_UNAVAILABLE = texts(
    "The service cannot reach its database right now; retry after Retry-After.",
    "Der Dienst erreicht seine Datenbank gerade nicht; versuchen Sie es nach Retry-After "
    "Sekunden erneut.",
)
_INTERNAL = texts(
    "The server could not complete the request; quote the request id to report it.",
    "Der Server konnte die Anfrage nicht abschließen; nennen Sie die Request-ID, um es zu melden.",
)


def fault_response(scope: MutableMapping[str, Any], exc: BaseException) -> JSONResponse:
    """The answer to an exception nobody translated: 503 with Retry-After when the database is
    out of reach (the client may retry), else the 500 problem (a bug; logged with its trace)."""
    if is_database_unavailable(exc):
        log.warning("database_unavailable", error=repr(exc), path=scope.get("path"))
        headers = {"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)}
        return localized_problem(scope, DATABASE_UNAVAILABLE, _UNAVAILABLE, headers)
    log.error("unhandled_exception", exc_info=exc, path=scope.get("path"))
    return localized_problem(scope, INTERNAL, _INTERNAL)


_DATABASE_REFUSALS = {
    "invalid-value": texts(
        "A value is out of range or malformed",
        "Ein Wert liegt außerhalb des erlaubten Bereichs oder ist falsch geformt",
    ),
    "conflict": texts(
        "The change conflicts with existing data", "Die Änderung widerspricht vorhandenen Daten"
    ),
    "busy": texts(
        "A concurrent change got in the way; retry the request",
        "Eine gleichzeitige Änderung kam dazwischen; wiederholen Sie die Anfrage",
    ),
}


async def _on_database(request: Request, exc: Exception) -> JSONResponse:
    """Safety net for database refusals a handler did not translate: never a 500 for bad data."""
    assert isinstance(exc, DBAPIError)  # noqa: S101
    state = str(getattr(exc.orig, "sqlstate", "") or "")
    if state.startswith("22"):  # data exception: out of range, bad text representation
        return localized_problem(request.scope, INVALID_VALUE, _DATABASE_REFUSALS["invalid-value"])
    if state.startswith("23"):  # integrity: a uniqueness or reference rule
        return localized_problem(request.scope, STATUS_TYPES[409], _DATABASE_REFUSALS["conflict"])
    if state in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock timeout
        return localized_problem(
            request.scope, BUSY, _DATABASE_REFUSALS["busy"], {"Retry-After": "1"}
        )
    return fault_response(request.scope, exc)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(DBAPIError, _on_database)
