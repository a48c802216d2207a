"""RFC 9457 problem details: the one error shape every service answers with."""

from __future__ import annotations

from typing import Any, ClassVar

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from services.common.http_problems import STATUS_TYPES
from services.common.import_lines import ImportSummary, LineError
from services.common.problem_types import (
    DEFAULT_PUBLIC_BASE_URL,
    PROBLEMS_PATH,
    ProblemType,
    Texts,
    declare,
    format_texts,
    texts,
)

# the contract's examples; responses use the app's `public_base_url` instead
PROBLEM_BASE = DEFAULT_PUBLIC_BASE_URL + PROBLEMS_PATH
PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_LISTED_ERRORS = 50  # a validation problem lists at most this many; error_count has them all
UNAVAILABLE_RETRY_AFTER_SECONDS = 5  # database out of reach, a service not ready


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

    type: str = Field(
        description="URI naming the kind of problem, stable: `{PUBLIC_BASE_URL}/problems/{slug}` "
        "(e.g. `https://api.example.org/problems/funding/budget-exceeded`; `PUBLIC_BASE_URL` is "
        "the gateway's origin). It resolves to a page (German and English) saying what the "
        "problem means and what to do; `/problems/` lists them all"
    )
    title: str = Field(
        description="Short summary of the problem type, in the language `Accept-Language` asks "
        "for (`de` or `en`, default `en`; `Content-Language` says which)"
    )
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
    line_errors: list[LineError] | None = Field(
        None, description="Refused imports (`import-refused`): every refused line of the file"
    )
    line_errors_truncated: bool | None = Field(
        None, description="Refused imports: `line_errors` lists only the first errors"
    )
    summary: ImportSummary | None = Field(
        None, description="Refused imports: what the file would have done"
    )


class ProblemError(Exception):
    """Base of every domain error; subclasses declare their `problem` type in one line:
    `class X(Conflict, slug=..., title=..., title_de=...)`, with `detail=`/`detail_de=`
    templates when the detail has parameters (filled from the problem's members)."""

    problem: ClassVar[ProblemType] = ProblemType("about:blank", 400, {"en": "Error"})
    type_: ClassVar[str] = "about:blank"
    title: ClassVar[str] = "Error"
    status: ClassVar[int] = 400
    detail_templates: ClassVar[dict[str, str]] = {}
    headers: dict[str, str] | None = None

    def __init_subclass__(
        cls,
        *,
        slug: str | None = None,
        title: str | None = None,
        title_de: str | None = None,
        status: int | None = None,
        detail: str | None = None,
        detail_de: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init_subclass__(**kwargs)
        if detail is not None:
            cls.detail_templates = {"en": detail, **({"de": detail_de} if detail_de else {})}
        if slug is None and title is None and status is None:
            return
        parent = cls.problem
        cls.problem = declare(
            slug or parent.slug,
            status or parent.status,
            title or parent.title(),
            title_de if title else (title_de or parent.titles.get("de")),
            about=cls.__doc__ or "",
        )
        cls.type_, cls.title, cls.status = (
            cls.problem.uri(),
            cls.problem.title(),
            status or parent.status,
        )

    def __init__(self, detail: str | Texts | None = None, **extensions: Any) -> None:
        if detail is None and self.detail_templates:
            detail = format_texts(self.detail_templates, extensions)
        self.details = texts(detail) if isinstance(detail, str) else detail
        self.detail = self.details.pick("en")[0] if self.details else None
        super().__init__(self.detail or self.title)
        self.extensions = extensions


def problem_type(slug: str) -> str:
    """The `type` URI of `slug` at the default public base (contract examples, tests)."""
    return DEFAULT_PUBLIC_BASE_URL + PROBLEMS_PATH + slug


class NotFound(
    ProblemError, slug="not-found", title="Not found", title_de="Nicht gefunden", status=404
):
    """The resource does not exist, or the caller may not know that it exists."""


class Conflict(ProblemError, slug="conflict", title="Conflict", title_de="Konflikt", status=409):
    """The request conflicts with the current state or with existing data; the detail says how."""


class Forbidden(
    ProblemError, slug="forbidden", title="Forbidden", title_de="Nicht erlaubt", status=403
):
    """The caller is authenticated but its roles, scopes or organization do not allow this
    operation."""


class Unauthorized(
    ProblemError,
    slug="unauthorized",
    title="Unauthorized",
    title_de="Nicht angemeldet",
    status=401,
):
    """No access token was sent, or it is invalid, expired or revoked; get a new token and send it
    as `Authorization: Bearer`."""

    def __init__(self, detail: str | Texts | None = None, *, error: str = "invalid_token") -> None:
        super().__init__(detail)
        self.headers = {"WWW-Authenticate": f'Bearer realm="pakt", error="{error}"'}


class PreconditionRequired(
    ProblemError,
    slug="precondition-required",
    title="Precondition required",
    title_de="Vorbedingung erforderlich",
    status=428,
):
    """A change was sent without If-Match; read the resource and send its ETag so that no concurrent
    update gets lost."""


class PreconditionFailed(
    ProblemError,
    slug="precondition-failed",
    title="Precondition failed",
    title_de="Vorbedingung nicht erfüllt",
    status=412,
):
    """The If-Match ETag is stale: the resource changed since it was read; read it again and repeat
    the change."""


class InvalidInput(
    ProblemError,
    slug="invalid-input",
    title="Invalid input",
    title_de="Ungültige Eingabe",
    status=422,
):
    """A request that parsed but breaks a business rule about its content."""


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


_DESCRIPTIONS = {
    **{status: kind.title() for status, kind in STATUS_TYPES.items()},
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
