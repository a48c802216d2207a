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


@dataclass(frozen=True)
class Reader:
    """Whom a problem is rendered for: the language of a request and the public base URL its
    `type` URIs start with."""

    language: str = API_DEFAULT_LANGUAGE
    base_url: str = DEFAULT_PUBLIC_BASE_URL


def reader_of(scope: Scope) -> Reader:
    """The reader of the request in `scope` (`Accept-Language`, the app's public base URL)."""
    return Reader(scope_language(scope), public_base_url(scope))


def kept_problem(
    kind: ProblemType, detail: Texts | None, extensions: Mapping[str, Any]
) -> dict[str, Any]:
    """A problem to store inside a resource (a batch item's result), in no language and at no
    base URL: its slug, every text of its detail and its members. `render_kept` makes the
    problem document for each reader."""
    return {
        "slug": kind.slug,
        "status": kind.status,
        "details": dict(detail.by_language) if detail is not None else None,
        "members": dict(extensions),
    }


def render_kept(kept: Mapping[str, Any], reader: Reader) -> dict[str, Any]:
    """The problem document of a `kept_problem` in the reader's language, its `type` at the
    reader's base URL. A document stored before problems were kept this way (`type`, English
    `title` and `detail`) gets its `type` at the reader's base and its title translated; its
    detail stays the English one it has."""
    if "slug" not in kept:
        body = dict(kept)
        slug = str(kept.get("type", "")).rpartition(PROBLEMS_PATH)[2]
        if slug in PROBLEM_TYPES:
            known = PROBLEM_TYPES[slug]
            body["type"] = known.uri(reader.base_url)
            if body.get("title") == known.title():  # not a title of the raise site's own
                body["title"] = known.title(reader.language)
        return body
    # slugs never change (ADR 0014); a type no longer declared still renders, titled by its slug
    kind = PROBLEM_TYPES.get(kept["slug"]) or ProblemType(
        kept["slug"], kept["status"], {API_DEFAULT_LANGUAGE: kept["slug"]}
    )
    body = {"type": kind.uri(reader.base_url), "title": kind.title(reader.language)}
    body["status"] = kept["status"]
    if kept.get("details"):
        body["detail"] = Texts(kept["details"]).pick(reader.language)[0]
    return body | dict(kept.get("members") or {})


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
