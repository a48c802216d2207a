"""RFC 9457 problem details: the one error shape every service answers with."""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.common.outage import is_database_unavailable

PROBLEM_BASE = "https://pakt.example.org/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_LISTED_ERRORS = 50  # a validation problem lists at most this many; error_count has them all
UNAVAILABLE_RETRY_AFTER_SECONDS = 5  # database out of reach, a service not ready

log = structlog.get_logger("pakt.problems")


class FieldError(BaseModel):
    """One offending input field of a validation problem."""

    location: list[str | int] = Field(
        description="Where the value sits: body, query, header, path, then the field path"
    )
    message: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI naming the kind of problem; stable")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None
    error_count: int | None = Field(
        None, description="Validation problems: how many errors there were in all"
    )
    errors_truncated: bool | None = Field(
        None, description=f"Validation problems: `errors` lists only the first {MAX_LISTED_ERRORS}"
    )


class ProblemError(Exception):
    """Base of every domain error; subclasses fix `type_`, `title` and `status`."""

    type_: str = "about:blank"
    title: str = "Error"
    status: int = 400
    headers: dict[str, str] | None = None

    def __init_subclass__(
        cls,
        *,
        slug: str | None = None,
        title: str | None = None,
        status: int | None = None,
        **kwargs: Any,
    ) -> None:
        """Problem types are declared in one line: `class X(Conflict, slug=..., title=...)`."""
        super().__init_subclass__(**kwargs)
        if slug is not None:
            cls.type_ = problem_type(slug)
        if title is not None:
            cls.title = title
        if status is not None:
            cls.status = status

    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.extensions = extensions


def problem_type(slug: str) -> str:
    return PROBLEM_BASE + slug


class NotFound(ProblemError, slug="not-found", title="Not found", status=404):
    pass


class Conflict(ProblemError, slug="conflict", title="Conflict", status=409):
    pass


class Forbidden(ProblemError, slug="forbidden", title="Forbidden", status=403):
    pass


class Unauthorized(ProblemError, slug="unauthorized", title="Unauthorized", status=401):
    pass

    def __init__(self, detail: str | None = None, *, error: str = "invalid_token") -> None:
        super().__init__(detail)
        self.headers = {"WWW-Authenticate": f'Bearer realm="pakt", error="{error}"'}


class PreconditionRequired(
    ProblemError, slug="precondition-required", title="Precondition required", status=428
):
    pass


class PreconditionFailed(
    ProblemError, slug="precondition-failed", title="Precondition failed", status=412
):
    pass


class InvalidInput(ProblemError, slug="invalid-input", title="Invalid input", status=422):
    """A request that parsed but breaks a business rule about its content."""


_STATUS_SLUGS = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Unauthorized"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("too-many-requests", "Too many requests"),
}


def problem_response(
    request: Request | None,
    *,
    type_: str,
    title: str,
    status: int,
    detail: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.url.path
        rid = request.scope.get("state", {}).get("request_id")
        if rid:
            body["request_id"] = rid
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)  # noqa: S101 - registered for this class only
    headers = dict(exc.headers or {})
    if exc.status == 503:  # every "unavailable" tells the client when to come back
        headers.setdefault("Retry-After", str(UNAVAILABLE_RETRY_AFTER_SECONDS))
    return problem_response(
        request,
        type_=exc.type_,
        title=exc.title,
        status=exc.status,
        detail=exc.detail,
        headers=headers or None,
        **exc.extensions,
    )


def _field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for err in errors[:MAX_LISTED_ERRORS]:  # a body with 150,000 bad keys gets a small answer
        loc = [p if isinstance(p, int) else str(p) for p in err.get("loc", ())]
        out.append(
            {"location": loc, "message": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        )
    return out


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101
    every = exc.errors()
    errors = _field_errors(every)
    fields = ", ".join(".".join(str(p) for p in e["location"]) for e in errors[:10])
    return problem_response(
        request,
        type_=problem_type("validation"),
        title="Request validation failed",
        status=422,
        detail=f"Invalid fields: {fields}" if fields else None,
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
    slug, title = _STATUS_SLUGS.get(exc.status_code, ("http-error", "HTTP error"))
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405 and (allowed := _allowed_methods(request)):
        headers["Allow"] = allowed
    return problem_response(
        request,
        type_=problem_type(slug),
        title=title,
        status=exc.status_code,
        detail=detail,
        headers=headers or None,
    )


def fault_response(scope: MutableMapping[str, Any], exc: BaseException) -> JSONResponse:
    """The answer to an exception nobody translated: 503 with Retry-After when the database is
    out of reach (the client may retry), else the 500 problem (a bug; logged with its trace)."""
    headers = None
    if is_database_unavailable(exc):
        log.warning("database_unavailable", error=repr(exc), path=scope.get("path"))
        status, slug, title = 503, "database-unavailable", "Database unavailable"
        detail = "The service cannot reach its database right now; retry after Retry-After."
        headers = {"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)}
    else:
        log.error("unhandled_exception", exc_info=exc, path=scope.get("path"))
        status, slug, title = 500, "internal", "Internal server error"
        detail = "The server could not complete the request; quote the request id to report it."
    body = {
        "type": problem_type(slug),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": scope.get("path"),
        "request_id": scope.get("state", {}).get("request_id"),
    }
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


async def _on_database(request: Request, exc: Exception) -> JSONResponse:
    """Safety net for database refusals a handler did not translate: never a 500 for bad data."""
    assert isinstance(exc, DBAPIError)  # noqa: S101
    state = str(getattr(exc.orig, "sqlstate", "") or "")
    if state.startswith("22"):  # data exception: out of range, bad text representation
        return problem_response(
            request,
            type_=problem_type("invalid-value"),
            title="Invalid value",
            status=422,
            detail="A value is out of range or malformed",
        )
    if state.startswith("23"):  # integrity: a uniqueness or reference rule
        return problem_response(
            request,
            type_=problem_type("conflict"),
            title="Conflict",
            status=409,
            detail="The change conflicts with existing data",
        )
    if state in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock timeout
        return problem_response(
            request,
            type_=problem_type("busy"),
            title="Busy",
            status=409,
            detail="A concurrent change got in the way; retry the request",
            headers={"Retry-After": "1"},
        )
    return fault_response(request.scope, exc)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(DBAPIError, _on_database)


_DESCRIPTIONS = {
    **{status: title for status, (_, title) in _STATUS_SLUGS.items()},
    412: "Precondition failed: the If-Match ETag is stale",
    422: "Validation failed: the problem lists the offending fields",
    428: "Precondition required: send If-Match",
    500: "Internal server error",
    503: "Service unavailable (its database or a service it needs): retry after Retry-After",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Declare problem responses for OpenAPI: `responses=problem_responses(404, 409)`."""
    return {
        s: {
            "description": _DESCRIPTIONS.get(s, "Problem"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for s in statuses
    }
