"""Every example in the contract is valid against its own schema (JSON Schema 2020-12).

Generators, mock servers and the docs page show these examples to integrators; an example
that its schema refuses (a missing required field, a value outside an enum) teaches them to
send something the API answers with 422.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from services.cli.openapi import generate

Doc = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def contract() -> Doc:
    return generate()[0]


def _media_examples(doc: Doc) -> Iterator[tuple[str, Doc, Any]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            where = f"{method.upper()} {path}"
            bodies = [("request", op.get("requestBody", {}))]
            bodies += [(status, r) for status, r in op.get("responses", {}).items()]
            for label, body in bodies:
                for media_type, media in body.get("content", {}).items():
                    for example in _examples_of(media):
                        yield f"{where} {label} {media_type}", media.get("schema", {}), example
            for param in op.get("parameters", []):
                for example in _examples_of(param):
                    yield f"{where} parameter {param['name']}", param.get("schema", {}), example


def _examples_of(node: Doc) -> list[Any]:
    found = [node["example"]] if "example" in node else []
    return found + [e["value"] for e in node.get("examples", {}).values() if "value" in e]


def _schema_examples(doc: Doc) -> Iterator[tuple[str, Doc, Any]]:
    """Examples inside schemas: each component's and each property's `examples` list."""

    def walk(schema: Any, where: str) -> Iterator[tuple[str, Doc, Any]]:
        if isinstance(schema, dict):
            for example in schema.get("examples", []) if isinstance(schema, dict) else []:
                yield where, schema, example
            for key, value in schema.items():
                if key == "properties":
                    for name, prop in value.items():
                        yield from walk(prop, f"{where}.{name}")
                elif key in ("items", "anyOf", "oneOf", "allOf"):
                    yield from walk(value, where)
        elif isinstance(schema, list):
            for option in schema:
                yield from walk(option, where)

    for name, schema in doc["components"]["schemas"].items():
        yield from walk(schema, name)


def _invalid(doc: Doc, schema: Doc, example: Any) -> list[str]:
    rooted = {**schema, "components": doc["components"]}  # `#/components/...` refs resolve
    validator = Draft202012Validator(rooted, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(example)
    ]


def test_every_body_and_parameter_example_matches_its_schema(contract):
    failures: list[str] = []
    checked = 0
    for where, schema, example in _media_examples(contract):
        if not schema or schema.get("format") == "binary":
            continue
        checked += 1
        failures.extend(f"{where}: {e}" for e in _invalid(contract, schema, example))
    assert checked > 150
    assert not failures, "\n".join(failures[:60])


def test_every_schema_example_matches_its_schema(contract):
    failures: list[str] = []
    checked = 0
    for where, schema, example in _schema_examples(contract):
        checked += 1
        failures.extend(f"{where}: {e}" for e in _invalid(contract, schema, example))
    assert checked > 100
    assert not failures, "\n".join(failures[:60])


def test_every_json_response_has_an_example(contract):
    missing = [
        f"{method.upper()} {path} {status} {media_type}"
        for path, item in contract["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
        for status, response in op["responses"].items()
        for media_type, media in response.get("content", {}).items()
        if media_type.endswith("json") and "example" not in media and "examples" not in media
    ]
    assert not missing, "\n".join(missing)


def test_a_mismatching_example_is_caught(contract):
    """The check itself: a user without its required `deactivated_at` must fail."""
    schema = {"$ref": "#/components/schemas/UserRead"}
    good = next(
        e for w, s, e in _schema_examples(contract) if w == "UserRead" and isinstance(e, dict)
    )
    assert _invalid(contract, schema, good) == []
    broken = {k: v for k, v in good.items() if k != "id"}
    assert _invalid(contract, schema, broken)
