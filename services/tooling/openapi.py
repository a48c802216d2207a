"""Merging the services' OpenAPI documents into the one contract clients generate code from.

Each service serves its routes under its own prefix, so paths never collide; components are
merged by name: identical definitions are kept once, differing ones are renamed with the
service's name as prefix (`CasesPerson`), and a clash that prefixing cannot resolve fails.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from services.tooling import openapi_webhooks
from services.tooling.openapi_enrich import enrich_operations, forbid_nul

Doc = dict[str, Any]

SCHEMAS_REF = "#/components/schemas/"
# FastAPI's own validation error shape: our handlers answer with Problem instead
DROPPED_SCHEMAS = frozenset({"HTTPValidationError", "ValidationError"})
METHOD_ORDER = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TOP_ORDER = (
    "openapi",
    "info",
    "servers",
    "security",
    "tags",
    "paths",
    "webhooks",
    "components",
)


class ContractError(Exception):
    """The services' documents cannot be merged into one consistent contract."""


def _walk_refs(node: Any, fix: Callable[[str], str]) -> Any:
    if isinstance(node, dict):
        return {
            k: (fix(v) if k == "$ref" and isinstance(v, str) else _walk_refs(v, fix))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_walk_refs(v, fix) for v in node]
    return node


def rename_refs(node: Any, renames: Mapping[str, str]) -> Any:
    """A copy of `node` with `#/components/schemas/<old>` refs pointing at the new names."""

    def fix(ref: str) -> str:
        if ref.startswith(SCHEMAS_REF) and ref[len(SCHEMAS_REF) :] in renames:
            return SCHEMAS_REF + renames[ref[len(SCHEMAS_REF) :]]
        return ref

    return _walk_refs(node, fix)


def _prefixed(service: str, name: str) -> str:
    return service[:1].upper() + service[1:] + name


def _service_renames(
    service: str, schemas: Mapping[str, Any], merged: Mapping[str, Any]
) -> dict[str, str]:
    """Names of `service`'s schemas that must be prefixed to keep apart from `merged`."""
    renames: dict[str, str] = {}
    while True:
        rewritten = rename_refs(dict(schemas), renames)
        added = {
            name: _prefixed(service, name)
            for name, schema in rewritten.items()
            if name in merged and merged[name] != schema and name not in renames
        }
        if not added:
            return renames
        renames.update(added)


def merge_components(docs: Mapping[str, Doc]) -> tuple[dict[str, Any], dict[str, Doc]]:
    """Merged `components.schemas`, and each service's document rewritten to use them."""
    merged: dict[str, Any] = {}
    rewritten_docs: dict[str, Doc] = {}
    for service in sorted(docs):
        doc = copy.deepcopy(docs[service])
        schemas = {
            n: s
            for n, s in doc.get("components", {}).get("schemas", {}).items()
            if n not in DROPPED_SCHEMAS
        }
        renames = _service_renames(service, schemas, merged)
        doc = rename_refs(doc, renames)
        for name, schema in rename_refs(schemas, renames).items():
            final = renames.get(name, name)
            if final in merged and merged[final] != schema:
                raise ContractError(
                    f"schema {name!r} of {service} clashes with {final!r} even after prefixing"
                )
            merged[final] = schema
        rewritten_docs[service] = doc
    return merged, rewritten_docs


def _dedupe_operation_ids(paths: dict[str, Any], owners: dict[str, str]) -> None:
    """Operation ids shared by several services (a common router) get the service prefix."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for path, item in paths.items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                seen.setdefault(op["operationId"], []).append((path, method))
    for op_id, places in seen.items():
        if len(places) == 1:
            continue
        services = [owners[path] for path, _ in places]
        if len(set(services)) != len(services):
            raise ContractError(f"operationId {op_id!r} is used twice within one service")
        for path, method in places:
            paths[path][method]["operationId"] = f"{owners[path]}_{op_id}"


def merge_paths(docs: Mapping[str, Doc]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for service in sorted(docs):
        for path, item in docs[service].get("paths", {}).items():
            if not path.startswith(f"/{service}/"):
                raise ContractError(f"{service} serves {path!r} outside its prefix /{service}/")
            if path in paths:
                raise ContractError(f"path {path!r} is served by two services")
            paths[path] = item
            owners[path] = service
    _dedupe_operation_ids(paths, owners)
    return paths


def _used_tags(paths: Mapping[str, Any]) -> list[str]:
    tags = {
        tag
        for item in paths.values()
        for op in item.values()
        if isinstance(op, dict)
        for tag in op.get("tags", [])
    }
    return sorted(tags)


def build_tags(paths: Mapping[str, Any], descriptions: Mapping[str, str]) -> list[dict[str, str]]:
    """Tags in use, in the order of `descriptions`, then alphabetically for undescribed ones."""
    used = _used_tags(paths)
    order = {name: i for i, name in enumerate(descriptions)}
    used.sort(key=lambda t: (order.get(t, len(order)), t))
    return [
        {"name": t, "description": descriptions[t]} if t in descriptions else {"name": t}
        for t in used
    ]


def _sorted_paths(paths: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path in sorted(paths):
        item = paths[path]
        out[path] = {m: item[m] for m in sorted(item, key=lambda m: (*METHOD_ORDER, m).index(m))}
        for op in out[path].values():
            if isinstance(op, dict) and "responses" in op:
                op["responses"] = {k: op["responses"][k] for k in sorted(op["responses"], key=str)}
    return out


def share_inline(node: Any, shared: Mapping[str, Any]) -> Any:
    """Inline string schemas with a shared component's pattern (money, AGS) become refs to it."""
    by_pattern = {s["pattern"]: SCHEMAS_REF + name for name, s in shared.items() if "pattern" in s}
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("pattern") in by_pattern:
            rest = {k: v for k, v in node.items() if k not in ("type", "pattern")}
            return {"$ref": by_pattern[node["pattern"]], **rest}
        return {k: share_inline(v, shared) for k, v in node.items()}
    if isinstance(node, list):
        return [share_inline(v, shared) for v in node]
    return node


def merge_documents(docs: Mapping[str, Doc], meta: Mapping[str, Any]) -> tuple[Doc, list[str]]:
    """The merged contract and a list of notes (gaps the services should close).

    `meta` holds what no service knows: info, servers, security schemes, tag descriptions.
    """
    schemas, rewritten = merge_components(docs)
    shared = copy.deepcopy(meta.get("schemas", {}))
    paths = forbid_nul(share_inline(merge_paths(rewritten), shared))
    schemas = forbid_nul({**share_inline(schemas, shared), **shared})
    schemas.update(openapi_webhooks.components())  # the body every webhook delivery has
    notes = enrich_operations(paths, schemas, meta)
    doc: Doc = {
        "openapi": "3.1.0",
        "info": copy.deepcopy(meta["info"]),
        "servers": copy.deepcopy(meta["servers"]),
        "tags": build_tags(paths, meta.get("tags", {})),
        "paths": _sorted_paths(paths),
        "webhooks": openapi_webhooks.webhooks(),
        "components": {
            "schemas": {n: schemas[n] for n in sorted(schemas)},
            "securitySchemes": copy.deepcopy(meta["security_schemes"]),
        },
    }
    undescribed = [t["name"] for t in doc["tags"] if "description" not in t]
    notes.extend(f"tag {t!r} has no description in openapi/meta.yaml" for t in undescribed)
    return {k: doc[k] for k in TOP_ORDER if k in doc}, sorted(set(notes))
