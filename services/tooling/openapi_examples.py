"""Examples for every request and response of the contract, built from the schemas' own examples.

A body example is composed from the `examples` the services put on their fields; generic
values (formats such as dates and UUIDs, enums, defaults, bounds) fill the rest. Where a
required field has nothing realistic to offer, no example is invented: a note names the gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.common.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE

Doc = dict[str, Any]
JSON = "application/json"

_FORMAT_EXAMPLES = {
    "date-time": "2026-03-02T09:30:00+01:00",
    "date": "2026-03-02",
    "uuid": "5b0c2e8a-3f4d-5e61-9a7b-1c2d3e4f5a6b",
    "email": "integration@goeppingen.de",
    "uri": "https://pakt.example.org/",
    "uri-reference": "/cases/v1/cases/5b0c2e8a-3f4d-5e61-9a7b-1c2d3e4f5a6b",
}

_PROBLEM_SLUGS = {
    400: ("invalid-cursor", "Invalid cursor", "The cursor is not one this API issued"),
    401: ("unauthorized", "Unauthorized", "Send an access token: Authorization: Bearer <token>"),
    403: ("forbidden", "Forbidden", "This needs one of the roles: case_worker"),
    404: ("not-found", "Not found", "No such resource"),
    409: ("conflict", "Conflict", "The object's current state does not allow this action"),
    412: ("precondition-failed", "Precondition failed", "The resource changed since you read it"),
    413: ("payload-too-large", "Payload too large", "The request body is too large"),
    415: ("unsupported-media-type", "Unsupported media type", "Send application/json"),
    422: ("validation", "Request validation failed", "Invalid fields: body.title"),
    428: ("precondition-required", "Precondition required", "Send If-Match with the ETag"),
    429: ("too-many-requests", "Too many requests", "Retry after the Retry-After seconds"),
    503: ("not-ready", "Service not ready", "The database is not reachable"),
}


class _NoExample(Exception):
    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def example_for(
    schema: Doc,
    schemas: Mapping[str, Any],
    where: str = "",
    depth: int = 0,
    hints: Mapping[str, Any] | None = None,
) -> Any:
    """A value for `schema` from its examples and generic facts; raises _NoExample on a gap.

    `hints` maps a field name to an example found on a field of that name elsewhere (a read
    model's `duration_minutes` borrows from the create model's).
    """
    if depth > 12:
        raise _NoExample(where or "(recursive)")
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return example_for({**schemas[name], **_siblings(schema)}, schemas, where, depth + 1, hints)
    for key in ("examples", "example", "const", "default", "enum"):
        if key in schema and schema[key] is not None:
            value = schema[key]
            return value[0] if key in ("examples", "enum") and isinstance(value, list) else value
    if "anyOf" in schema or "oneOf" in schema:
        options = [o for o in _alternatives(schema) if o.get("type") != "null"]
        for option in options:
            try:
                return example_for(option, schemas, where, depth + 1, hints)
            except _NoExample:
                continue
        if len(options) < len(_alternatives(schema)):
            return None  # nullable and nothing better known: null is a real value
        raise _NoExample(where)
    if "allOf" in schema:
        return example_for(schema["allOf"][0], schemas, where, depth + 1, hints)
    return _by_type(schema, schemas, where, depth, hints or {})


def _alternatives(schema: Doc) -> list[Doc]:
    found = schema.get("anyOf") or schema.get("oneOf") or []
    return list(found)


def _object_example(
    schema: Doc, schemas: Mapping[str, Any], where: str, depth: int, hints: Mapping[str, Any]
) -> Doc:
    out = {}
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        try:
            out[name] = example_for(prop, schemas, f"{where}.{name}".lstrip("."), depth + 1, hints)
        except _NoExample:
            if name in hints:
                out[name] = hints[name]
            elif _is_identifier(name, prop):
                out[name] = _FORMAT_EXAMPLES["uuid"]
            elif name in required:
                raise
    return out


_IDENTIFIERS = frozenset({"id", "org", "actor", "actor_org", "assigned_worker", "case_worker"})


def _is_identifier(name: str, schema: Doc) -> bool:
    """Ids (`id`, `org_id`, `recorded_by`, `actor`: token subjects and organizations) are UUID
    strings; one generic UUID says enough."""
    kinds = {schema.get("type")} | {o.get("type") for o in schema.get("anyOf", [])}
    return "string" in kinds and (name in _IDENTIFIERS or name.endswith(("_id", "_by")))


def field_hints(schemas: Mapping[str, Any]) -> dict[str, Any]:
    """For each field name, the first example any schema gives a field of that name."""
    hints: dict[str, Any] = {}
    for schema_name in sorted(schemas):
        for name, prop in schemas[schema_name].get("properties", {}).items():
            if name in hints:
                continue
            try:
                value = example_for(prop, schemas)
            except _NoExample:
                continue
            if value is not None and value != []:
                hints[name] = value
    return hints


def _siblings(schema: Doc) -> Doc:
    return {k: v for k, v in schema.items() if k != "$ref"}


def _by_type(
    schema: Doc, schemas: Mapping[str, Any], where: str, depth: int, hints: Mapping[str, Any]
) -> Any:
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return _object_example(schema, schemas, where, depth, hints)
    if kind == "array":
        try:
            return [example_for(schema.get("items", {}), schemas, where + "[]", depth + 1, hints)]
        except _NoExample:
            if schema.get("minItems", 0) > 0:
                raise
            return []
    if kind == "string" and schema.get("format") in _FORMAT_EXAMPLES:
        return _FORMAT_EXAMPLES[schema["format"]]
    if kind in ("integer", "number"):
        for bound in ("minimum", "maximum"):
            if bound in schema:
                return int(schema[bound]) if kind == "integer" else schema[bound]
        return 1  # a count, a version, a number: 1 is always a plausible one
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    raise _NoExample(where or "(body)")


def _resolve(schema: Doc, schemas: Mapping[str, Any]) -> Doc:
    while "$ref" in schema:
        schema = schemas.get(schema["$ref"].split("/")[-1], {})
    return schema


def _nullable(schema: Doc, schemas: Mapping[str, Any]) -> bool:
    schema = _resolve(schema, schemas)
    return schema.get("type") == "null" or any(
        _nullable(o, schemas) for o in schema.get("anyOf", [])
    )


def _fill_nulls(schema: Doc, value: Any, schemas: Mapping[str, Any], depth: int = 0) -> None:
    """Puts back the `null` members of an example that the document dropped (see below)."""
    schema = _resolve(schema, schemas)
    if depth > 12:
        return
    for option in schema.get("anyOf", []):
        _fill_nulls(option, value, schemas, depth + 1)
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        for name in schema.get("required", []):
            if name not in value and name in props and _nullable(props[name], schemas):
                value[name] = None
        for name, member in value.items():
            if name in props:
                _fill_nulls(props[name], member, schemas, depth + 1)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            _fill_nulls(schema["items"], item, schemas, depth + 1)


def restore_nulls(schemas: Mapping[str, Any]) -> None:
    """FastAPI writes its OpenAPI document with `exclude_none`, which also drops the `null`
    members of the services' examples (`deactivated_at: null`), so a required nullable field
    goes missing and the example no longer matches its schema. They are put back here."""
    for schema in schemas.values():
        for example in schema.get("examples", []):
            _fill_nulls(schema, example, schemas)
        for prop in schema.get("properties", {}).values():
            for example in prop.get("examples", []) if isinstance(prop, dict) else []:
                _fill_nulls(prop, example, schemas)


def problem_example(status: int, path: str) -> Doc:
    slug, title, detail = _PROBLEM_SLUGS.get(status, ("http-error", "HTTP error", "Failed"))
    example: Doc = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": path,
        "request_id": "3c5e0a4f9b2d4c1e8f7a6b5c4d3e2f1a",
    }
    if status == 422:
        example["errors"] = [
            {"location": ["body", "title"], "message": "Field required", "type": "missing"}
        ]
    return example


def _fill(
    media: Doc, schemas: Mapping[str, Any], hints: Mapping[str, Any], what: str, notes: list[str]
) -> None:
    if "example" in media or "examples" in media or "schema" not in media:
        return
    try:
        media["example"] = example_for(media["schema"], schemas, hints=hints)
    except _NoExample as gap:
        notes.append(f"{what}: no example (nothing realistic for `{gap.where}`)")


def add_examples(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> list[str]:
    """Adds examples in place; returns notes for bodies that got none."""
    notes: list[str] = []
    restore_nulls(schemas)
    hints = field_hints(schemas)
    for path, item in paths.items():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            op_id = op.get("operationId", path)
            body = op.get("requestBody", {}).get("content", {})
            for media_type, media in body.items():
                _fill(media, schemas, hints, f"{op_id} request {media_type}", notes)
            for status, response in op["responses"].items():
                for media_type, media in response.get("content", {}).items():
                    if media_type == PROBLEM_MEDIA_TYPE:
                        media.setdefault("example", problem_example(int(status), path))
                    elif media_type == JSON:
                        _fill(media, schemas, hints, f"{op_id} {status}", notes)
    return notes
