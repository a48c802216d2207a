"""Problems in German and English by Accept-Language; every problem type has both titles."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from services.common.languages import SUPPORTED_LANGUAGES, preferred_language
from services.common.problem_handlers import install_problem_handlers
from services.common.problem_types import PROBLEM_TYPES, REDECLARED
from services.common.problems import Conflict, ProblemError
from services.common.settings import ServiceSettings
from services.tooling.problem_pages import all_problem_types

PROBLEM = "application/problem+json"


class LockedFor(
    Conflict,
    slug="probe-locked",
    title="Locked",
    title_de="Gesperrt",
    detail="Locked for {minutes} minutes",
    detail_de="Für {minutes} Minuten gesperrt",
):
    pass


def _subclasses(cls: type[ProblemError]) -> list[type[ProblemError]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_every_problem_type_has_a_german_and_an_english_title():
    kinds = all_problem_types()

    missing = [kind.slug for kind in kinds if not kind.titles.get("de")]
    assert len(kinds) > 80
    assert missing == [], f"add title_de= to these problem classes: {missing}"
    assert all(kind.titles["de"] != "" and kind.titles["en"] != "" for kind in kinds)


def test_every_problem_class_is_in_the_catalog_with_one_status_per_slug():
    all_problem_types()

    assert REDECLARED == [], "one slug, one status: give the other problem its own slug"
    for cls in _subclasses(ProblemError):
        if cls.problem.slug == "about:blank":
            continue
        assert PROBLEM_TYPES[cls.problem.slug].status == cls.status, cls
        assert cls.problem.titles.get("de"), f"{cls.__module__}.{cls.__name__} needs title_de="


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("de", "de"),
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("en-US,en;q=0.9,de;q=0.8", "en"),
        ("fr, de;q=0.5", "de"),
        ("fr", "en"),
        ("*", "en"),
        ("de;q=0, *", "en"),
        ("en;q=0, *", "de"),
        ("en;q=0.4, de;q=0.7", "de"),
        ("de, en", "de"),
        ("DE-at", "de"),
        ("de;q=abc, en", "en"),
        ("de;q=2", "en"),
    ],
)
def test_accept_language_picks_the_callers_preference(header, language):
    assert preferred_language(header) == language


_RANGE = st.tuples(
    st.sampled_from(["de", "en", "de-DE", "en-GB", "fr", "*", "x-klingon"]),
    st.sampled_from([None, "0", "0.1", "0.5", "0.9", "1", "1.0"]),
)


@given(st.lists(_RANGE, max_size=6))
def test_the_chosen_language_is_supported_and_never_one_the_caller_refused(ranges):
    header = ", ".join(tag if q is None else f"{tag};q={q}" for tag, q in ranges)

    chosen = preferred_language(header)

    assert chosen in SUPPORTED_LANGUAGES
    weights = dict.fromkeys(SUPPORTED_LANGUAGES, 0.0)
    for tag, q in ranges:
        if tag.split("-")[0] in weights:
            weights[tag.split("-")[0]] = max(weights[tag.split("-")[0]], float(q or 1))
    explicit = {tag.split("-")[0] for tag, _ in ranges}
    if "*" not in explicit:  # without a wildcard the explicit weights decide
        best = max(weights.values())
        assert weights[chosen] == best or (best == 0 and chosen == "en")


@given(st.text(max_size=300))
def test_any_header_gives_a_supported_language(header):
    assert preferred_language(header) in SUPPORTED_LANGUAGES


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.state.settings = ServiceSettings(public_base_url="https://api.example.org/")
    install_problem_handlers(app)

    @app.get("/locked")
    async def locked() -> None:
        raise LockedFor(minutes=5)

    @app.get("/free-text")
    async def free_text() -> None:
        raise Conflict("Already decided")

    @app.get("/number")
    async def number(n: int) -> int:
        return n

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as c:
        yield c


async def test_english_is_the_default_with_content_language_and_vary(client):
    r = await client.get("/locked")

    assert r.status_code == 409
    assert r.headers["content-type"] == PROBLEM
    assert r.headers["content-language"] == "en"
    assert "Accept-Language" in r.headers["vary"]
    assert r.json()["title"] == "Locked"
    assert r.json()["detail"] == "Locked for 5 minutes"
    assert r.json()["minutes"] == 5


async def test_german_caller_gets_german_title_and_detail_and_the_same_type(client):
    en = await client.get("/locked")
    de = await client.get("/locked", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})

    assert de.headers["content-language"] == "de"
    assert de.json()["title"] == "Gesperrt"
    assert de.json()["detail"] == "Für 5 Minuten gesperrt"
    assert de.json()["type"] == en.json()["type"] == "https://api.example.org/problems/probe-locked"


async def test_an_untranslated_detail_says_it_is_english(client):
    r = await client.get("/free-text", headers={"Accept-Language": "de"})

    assert r.json()["title"] == "Konflikt"
    assert r.json()["detail"] == "Already decided"
    assert r.headers["content-language"] == "de, en"


async def test_validation_problems_are_translated_too(client):
    en = await client.get("/number", params={"n": "x"})
    de = await client.get("/number", params={"n": "x"}, headers={"Accept-Language": "de"})

    assert (en.status_code, de.status_code) == (422, 422)
    assert en.json()["title"] == "Request validation failed"
    assert de.json()["title"] == "Anfrage ungültig"
    assert de.json()["detail"] == "Ungültige Felder: query.n"
    assert de.json()["type"] == en.json()["type"] == "https://api.example.org/problems/validation"
    assert de.headers["content-language"] == "de"


async def test_unknown_paths_follow_the_language_too(client):
    r = await client.get("/nothing", headers={"Accept-Language": "de"})

    assert r.status_code == 404
    assert r.json()["title"] == "Nicht gefunden"
    assert r.headers["content-language"].startswith("de")
