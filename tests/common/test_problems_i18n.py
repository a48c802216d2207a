"""Problems in German and English by Accept-Language; every problem type has both titles."""

from __future__ import annotations

import ast
import importlib
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from services.common import problems as problems_module
from services.common.languages import SUPPORTED_LANGUAGES, preferred_language
from services.common.problem_handlers import install_problem_handlers
from services.common.problem_types import (
    PROBLEM_TYPES,
    REDECLARED,
    Reader,
    kept_problem,
    render_kept,
    texts,
)
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
    """A probe with a detail template: something is locked for a number of minutes."""


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


def test_every_problem_type_says_on_its_page_what_it_means():
    # the `type` URI resolves to /problems/<slug>; a page with only the title helps no one
    undescribed = [kind.slug for kind in all_problem_types() if len(kind.about) < 40]
    assert undescribed == [], f"give these a docstring or about=: {undescribed}"


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


# Every detail in both languages: a scan of the services' source for problems raised with an
# English-only text. A detail is a class template (`detail=` with `detail_de=`) or
# `texts("English", "Deutsch")`; a helper may hand over a `Texts` it built that way.

SERVICES = Path(__file__).resolve().parents[2] / "services"
_ALL_PROBLEMS = {cls.__name__: cls for cls in _subclasses(ProblemError)}


def _problem_class(func: ast.expr, namespace: Mapping[str, Any]) -> type[ProblemError] | None:
    """The problem class a call calls: a name of the module (or an attribute of one), else a
    problem class of that name (imported inside a function)."""
    found: Any = None
    if isinstance(func, ast.Name):
        found = namespace.get(func.id, _ALL_PROBLEMS.get(func.id))
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        found = getattr(namespace.get(func.value.id), func.attr, None)
    return found if isinstance(found, type) and issubclass(found, ProblemError) else None


def _english_only(node: ast.expr, namespace: Mapping[str, Any]) -> bool:
    """Whether `node`, given as a problem's detail, is a text in one language only."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "..." + x, "..." % x
        return _english_only(node.left, namespace) or _english_only(node.right, namespace)
    if isinstance(node, ast.IfExp):
        return _english_only(node.body, namespace) or _english_only(node.orelse, namespace)
    if isinstance(node, ast.Name):  # a module constant
        return isinstance(namespace.get(node.id), str)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Constant):
            return True  # "...".format(...), "; ".join(...)
        if isinstance(node.func, ast.Name) and node.func.id == "texts":
            given = [*node.args, *(k.value for k in node.keywords)]
            return len(given) < 2 or any(
                isinstance(a, ast.Constant) and a.value is None for a in given
            )
    return False


def _detail_of(call: ast.Call) -> ast.expr | None:
    keyword = [k.value for k in call.keywords if k.arg in ("detail", "description")]
    return keyword[0] if keyword else (call.args[0] if call.args else None)


def english_only_details(source: str, namespace: Mapping[str, Any]) -> list[tuple[int, str]]:
    """(line, call) of every problem made with an English-only detail in `source`: a call of a
    problem class, or `super().__init__(...)` inside one."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and _problem_class(ast.Name(node.name), namespace):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "__init__"
                    and isinstance(inner.func.value, ast.Call)
                    and getattr(inner.func.value.func, "id", None) == "super"
                    and (detail := _detail_of(inner)) is not None
                    and _english_only(detail, namespace)
                ):
                    found.append((inner.lineno, ast.unparse(inner)[:120]))
        if isinstance(node, ast.Call) and _problem_class(node.func, namespace):
            detail = _detail_of(node)
            if detail is not None and _english_only(detail, namespace):
                found.append((node.lineno, ast.unparse(node)[:120]))
    return sorted(found)


def _service_modules() -> list[tuple[Path, ModuleType]]:
    modules = []
    for path in sorted(SERVICES.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(SERVICES.parent).with_suffix("").parts)
        modules.append((path, importlib.import_module(name.removesuffix(".__init__"))))
    return modules


def test_every_problem_detail_in_the_services_has_a_german_text():
    modules = _service_modules()
    offenders = [
        f"{path.relative_to(SERVICES.parent)}:{line}: {call}"
        for path, module in modules
        for line, call in english_only_details(path.read_text(), vars(module))
    ]

    assert len(modules) > 150
    assert offenders == [], "wrap these details in texts(English, Deutsch):\n" + "\n".join(
        offenders
    )


def test_every_detail_template_has_a_german_one():
    _service_modules()

    english_only = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in _subclasses(ProblemError)
        if cls.detail_templates and not cls.detail_templates.get("de")
    ]

    assert english_only == [], "add detail_de= to these problem classes"


class _Refused(ProblemError):
    """A probe for the scan, with a detail of its own."""

    def __init__(self) -> None:
        super().__init__("Refused")


_PROBE = """
ONLY_ENGLISH = "Gone"
raise Conflict("Already decided")
raise Conflict(f"Decided on {day}")
raise Conflict(detail="Already " + "decided")
raise Conflict("Decided on {}".format(day))
raise Conflict(texts("Already decided"))
raise Conflict(ONLY_ENGLISH)
raise Conflict("a" if x else texts("b", "c"))
raise problems.Conflict("Already decided")
class _Refused(ProblemError):
    def __init__(self):
        super().__init__("Refused")
raise Conflict(texts("Already decided", "Schon entschieden"))
raise Conflict(texts(f"Decided on {day}", f"Am {day} entschieden"))
raise Conflict(GIVEN_TEXTS)
raise Conflict()
raise ValueError("not a problem")
"""


def test_the_scan_finds_english_only_details_and_passes_bilingual_ones():
    namespace = {
        "Conflict": Conflict,
        "ONLY_ENGLISH": "Gone",
        "GIVEN_TEXTS": texts("Gone", "Weg"),
        "problems": problems_module,
        "_Refused": _Refused,
    }

    found = english_only_details(_PROBE, namespace)

    assert [line for line, _ in found] == [3, 4, 5, 6, 7, 8, 9, 10, 13]


def test_a_kept_problem_renders_for_each_reader():
    kept = kept_problem(LockedFor.problem, texts("Locked", "Gesperrt"), {"minutes": 5})
    german = Reader("de", "https://pakt.example.de")

    assert render_kept(kept, german) == {
        "type": "https://pakt.example.de/problems/probe-locked",
        "title": "Gesperrt",
        "status": 409,
        "detail": "Gesperrt",
        "minutes": 5,
    }
    assert render_kept(kept, Reader())["detail"] == "Locked"
    assert render_kept(kept, Reader())["type"] == "http://127.0.0.1:8080/problems/probe-locked"


def test_a_problem_kept_before_gets_the_readers_base_and_title_and_keeps_its_english_detail():
    old = {
        "type": "http://127.0.0.1:8080/problems/probe-locked",
        "title": "Locked",
        "status": 409,
        "detail": "Locked for 5 minutes",
        "minutes": 5,
    }
    own_title = {**old, "title": "Not applied: another item failed"}
    german = Reader("de", "https://pakt.example.de")

    assert render_kept(old, german) == {
        **old,
        "type": "https://pakt.example.de/problems/probe-locked",
        "title": "Gesperrt",
    }
    assert render_kept(own_title, german)["title"] == "Not applied: another item failed"
