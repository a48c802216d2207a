"""The catalog of problem types: one entry per `type` URI, with its titles in every language.

Every problem a service (or the gateway) answers with is declared once, here or by a
`ProblemError` subclass (`class X(Conflict, slug=..., title=..., title_de=...)`). The catalog
gives the titles of a response in the caller's language and the pages the gateway serves at
each `type` URI (`services/tooling/problem_pages.py`). ADR 0014.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.types import Scope

from services.common.languages import API_DEFAULT_LANGUAGE, preferred_language

DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:8080"
PROBLEMS_PATH = "/problems/"


@dataclass(frozen=True)
class ProblemType:
    """One kind of problem: `{PUBLIC_BASE_URL}/problems/{slug}` names it, stably."""

    slug: str
    status: int
    titles: Mapping[str, str]
    about: str = ""  # what it means, for its page (English; the class docstring)

    def uri(self, base_url: str = DEFAULT_PUBLIC_BASE_URL) -> str:
        return base_url.rstrip("/") + PROBLEMS_PATH + self.slug

    def title(self, language: str = API_DEFAULT_LANGUAGE) -> str:
        return self.titles.get(language) or self.titles[API_DEFAULT_LANGUAGE]


PROBLEM_TYPES: dict[str, ProblemType] = {}
"""Every declared type by slug; the first declaration of a slug describes it."""
REDECLARED: list[tuple[ProblemType, ProblemType]] = []
"""Declarations of a known slug with another status (a test keeps this empty)."""


def declare(
    slug: str, status: int, title: str, title_de: str | None = None, about: str = ""
) -> ProblemType:
    """Adds a problem type to the catalog (or returns the known one of this slug)."""
    titles = {"en": title, **({"de": title_de} if title_de else {})}
    kind = ProblemType(slug, status, titles, " ".join((about or "").split()))
    known = PROBLEM_TYPES.setdefault(slug, kind)
    if known.status != status:
        REDECLARED.append((known, kind))
    return kind if known.status != status else known


@dataclass(frozen=True)
class Texts:
    """One text in several languages (`en` always); `pick` falls back to English."""

    by_language: Mapping[str, str] = field(default_factory=dict)

    def pick(self, language: str) -> tuple[str, str]:
        """The text and the language it is in."""
        if language in self.by_language:
            return self.by_language[language], language
        return self.by_language[API_DEFAULT_LANGUAGE], API_DEFAULT_LANGUAGE


def texts(en: str, de: str | None = None) -> Texts:
    return Texts({"en": en, **({"de": de} if de else {})})


def format_texts(templates: Mapping[str, str], params: Mapping[str, Any]) -> Texts:
    """A detail template per language, filled with the problem's own members."""
    return Texts({lang: template.format(**params) for lang, template in templates.items()})


def public_base_url(scope: Scope) -> str:
    """The origin clients see (`<SVC>_PUBLIC_BASE_URL`), from the app's settings."""
    app = scope.get("app")
    settings = getattr(getattr(app, "state", None), "settings", None)
    return str(getattr(settings, "public_base_url", None) or DEFAULT_PUBLIC_BASE_URL)


def scope_language(scope: Scope) -> str:
    """The response language for the request's `Accept-Language`."""
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            return preferred_language(value.decode("latin-1"))
    return API_DEFAULT_LANGUAGE


def language_headers(title_language: str, detail_language: str | None) -> dict[str, str]:
    """`Content-Language` names every language the document uses; caches key on the request's
    `Accept-Language`."""
    used = [title_language]
    if detail_language and detail_language != title_language:
        used.append(detail_language)
    return {"Content-Language": ", ".join(used), "Vary": "Accept-Language"}


def localized_body(
    scope: Scope, kind: ProblemType, detail: Texts | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """`type`, `title`, `status` (and `detail`) in the caller's language, and the headers
    saying which language that is."""
    language = scope_language(scope)
    body: dict[str, Any] = {
        "type": kind.uri(public_base_url(scope)),
        "title": kind.title(language),
        "status": kind.status,
    }
    detail_language = None
    if detail is not None:
        body["detail"], detail_language = detail.pick(language)
    title_language = language if language in kind.titles else API_DEFAULT_LANGUAGE
    return body, language_headers(title_language, detail_language)
