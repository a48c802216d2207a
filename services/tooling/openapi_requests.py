"""Request schemas as generators read them: a field with a default is one you may leave out.

openapi-typescript (with its default `defaultNonNullable`) types every property that has a
`default` as present, even where the schema does not require it, so `early_start` became a
required member of `ApplicationCreate` for TypeScript callers. In schemas a request body uses,
the default moves into the description ("Default: `false`."): the server applies it, the
property stays optional for every generator. Response schemas keep their defaults.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

Doc = dict[str, Any]
REF_PREFIX = "#/components/schemas/"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            yield ref[len(REF_PREFIX) :]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def request_schemas(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> set[str]:
    """Names of the component schemas any request body uses, directly or nested."""
    todo = [
        name
        for item in paths.values()
        for op in item.values()
        if isinstance(op, dict)
        for name in _refs(op.get("requestBody", {}))
    ]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(_refs(schemas[name]))
    return seen


def _describe_default(prop: Doc) -> None:
    default = prop.pop("default")
    text = f"Default: `{json.dumps(default, ensure_ascii=False)}`."
    before = prop.get("description", "").rstrip()
    joint = "" if not before else (" " if before.endswith(".") else ". ")
    prop["description"] = f"{before}{joint}{text}"


def optional_defaults(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> None:
    """Moves the defaults of optional properties of request schemas into their descriptions."""
    for name in request_schemas(paths, schemas):
        schema = schemas[name]
        required = set(schema.get("required", []))
        for prop_name, prop in schema.get("properties", {}).items():
            if prop_name not in required and isinstance(prop, dict) and "default" in prop:
                _describe_default(prop)
