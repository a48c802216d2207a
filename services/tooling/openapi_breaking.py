"""Breaking changes between two releases of the contract, from a client's point of view.

Breaking: a removed operation, a removed parameter or one that became required, a newly
required request field, a removed response field or one that is no longer always present,
a narrowed enum in a request, a changed type. A breaking change needs a new major version.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Doc = dict[str, Any]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
MAX_DEPTH = 8


def _alternatives(schema: Doc) -> list[Doc]:
    found = schema.get("anyOf") or schema.get("oneOf") or []
    return list(found)


def _operations(doc: Doc) -> dict[tuple[str, str], Doc]:
    return {
        (method.upper(), path): op
        for path, item in doc.get("paths", {}).items()
        for method, op in item.items()
        if method in METHODS
    }


def _resolve(schema: Doc, doc: Doc) -> Doc:
    seen = 0
    while "$ref" in schema and seen < MAX_DEPTH:
        name = schema["$ref"].split("/")[-1]
        schema = {
            **doc.get("components", {}).get("schemas", {}).get(name, {}),
            **{k: v for k, v in schema.items() if k != "$ref"},
        }
        seen += 1
    return schema


def _types(schema: Doc, doc: Doc) -> frozenset[str]:
    schema = _resolve(schema, doc)
    if "anyOf" in schema or "oneOf" in schema:
        return frozenset().union(*(_types(s, doc) for s in _alternatives(schema)))
    kind = schema.get("type")
    if isinstance(kind, list):
        return frozenset(kind)
    if kind is None and "properties" in schema:
        return frozenset({"object"})
    return frozenset({kind}) if kind else frozenset()


def _object(schema: Doc, doc: Doc) -> Doc:
    """The object form of `schema` (the non-null branch of an optional object)."""
    schema = _resolve(schema, doc)
    for option in _alternatives(schema):
        option = _resolve(option, doc)
        if "properties" in option or option.get("type") == "array":
            return option
    return schema


def _enum(schema: Doc, doc: Doc) -> set[Any] | None:
    schema = _resolve(schema, doc)
    if "enum" in schema:
        return set(map(str, schema["enum"]))
    return None


def compare_schemas(
    old: Doc, new: Doc, old_doc: Doc, new_doc: Doc, where: str, request: bool, depth: int = 0
) -> Iterator[str]:
    """Breaking differences between two schemas of a request (`request`) or a response body."""
    if depth > MAX_DEPTH:
        return
    old_types, new_types = _types(old, old_doc), _types(new, new_doc)
    if old_types and new_types:
        lost = old_types - new_types if request else new_types - old_types
        if lost:
            yield f"{where}: type changed from {sorted(old_types)} to {sorted(new_types)}"
            return
    if request:
        old_enum, new_enum = _enum(old, old_doc), _enum(new, new_doc)
        if old_enum is not None and new_enum is not None and old_enum - new_enum:
            yield f"{where}: enum narrowed, {sorted(old_enum - new_enum)} removed"
    old_obj, new_obj = _object(old, old_doc), _object(new, new_doc)
    if old_obj.get("type") == "array" and new_obj.get("type") == "array":
        yield from compare_schemas(
            old_obj.get("items", {}),
            new_obj.get("items", {}),
            old_doc,
            new_doc,
            f"{where}[]",
            request,
            depth + 1,
        )
        return
    old_props, new_props = old_obj.get("properties", {}), new_obj.get("properties", {})
    old_req, new_req = set(old_obj.get("required", [])), set(new_obj.get("required", []))
    if request:
        for name in sorted(new_req - old_req):
            yield f"{where}.{name}: newly required request field"
    else:
        for name in sorted(set(old_props) - set(new_props)):
            yield f"{where}.{name}: response field removed"
        for name in sorted((old_req - new_req) & set(new_props)):
            yield f"{where}.{name}: response field no longer always present"
    for name in sorted(set(old_props) & set(new_props)):
        yield from compare_schemas(
            old_props[name],
            new_props[name],
            old_doc,
            new_doc,
            f"{where}.{name}",
            request,
            depth + 1,
        )


def _params(op: Doc) -> dict[tuple[str, str], Doc]:
    return {(p["in"], p["name"].lower()): p for p in op.get("parameters", [])}


def _compare_parameters(old: Doc, new: Doc, old_doc: Doc, new_doc: Doc, op: str) -> Iterator[str]:
    old_params, new_params = _params(old), _params(new)
    for key in sorted(set(old_params) - set(new_params)):
        yield f"{op}: parameter {key[1]} ({key[0]}) removed"
    for key in sorted(set(new_params) - set(old_params)):
        if new_params[key].get("required"):
            yield f"{op}: new required parameter {key[1]} ({key[0]})"
    for key in sorted(set(old_params) & set(new_params)):
        before, after = old_params[key], new_params[key]
        if after.get("required") and not before.get("required"):
            yield f"{op}: parameter {key[1]} ({key[0]}) became required"
        yield from compare_schemas(
            before.get("schema", {}),
            after.get("schema", {}),
            old_doc,
            new_doc,
            f"{op}: parameter {key[1]}",
            request=True,
        )


def _json_schema(part: Doc) -> Doc | None:
    for media_type, media in sorted(part.get("content", {}).items()):
        if media_type.endswith("json"):
            return dict(media.get("schema", {}))
    return None


def _compare_operation(old: Doc, new: Doc, old_doc: Doc, new_doc: Doc, op: str) -> Iterator[str]:
    yield from _compare_parameters(old, new, old_doc, new_doc, op)
    old_body = _json_schema(old.get("requestBody", {}))
    new_body = _json_schema(new.get("requestBody", {}))
    if new_body is not None and old_body is None and new.get("requestBody", {}).get("required"):
        yield f"{op}: request body newly required"
    if old_body is not None and new_body is not None:
        yield from compare_schemas(old_body, new_body, old_doc, new_doc, f"{op}: body", True)
    new_responses = new.get("responses", {})
    for status, response in sorted(old.get("responses", {}).items()):
        if not str(status).startswith("2"):
            continue
        if status not in new_responses:
            yield f"{op}: success response {status} removed"
            continue
        before, after = _json_schema(response), _json_schema(new_responses[status])
        if before is not None and after is not None:
            yield from compare_schemas(
                before, after, old_doc, new_doc, f"{op}: response {status}", False
            )


def breaking_changes(old: Doc, new: Doc) -> list[str]:
    """Every change from `old` to `new` that can break a client built against `old`."""
    found: list[str] = []
    old_ops, new_ops = _operations(old), _operations(new)
    for key in sorted(old_ops):
        name = f"{key[0]} {key[1]}"
        if key not in new_ops:
            found.append(f"{name}: operation removed")
            continue
        found.extend(_compare_operation(old_ops[key], new_ops[key], old, new, name))
    return found


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("-")[0].split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def check_release(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Problems that block a release: breaking changes without a new major version."""
    old_version, new_version = str(old["info"]["version"]), str(new["info"]["version"])
    problems = []
    if _version(new_version) < _version(old_version):
        problems.append(f"info.version went down from {old_version} to {new_version}")
    changes = breaking_changes(dict(old), dict(new))
    if changes and _version(new_version)[:1] <= _version(old_version)[:1]:
        problems.append(
            f"{len(changes)} breaking change(s) since {old_version}; raise the major version "
            f"in openapi/meta.yaml (now {new_version}) or keep the change compatible:"
        )
        problems.extend(f"  - {c}" for c in changes)
    return problems
