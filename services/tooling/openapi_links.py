"""OpenAPI links: from a create (201) or a single read to what can be done with the resource.

Stateful tests and generated clients follow them: the created id fills the item's path
parameter, the response's ETag fills `If-Match`, parameters of the source path carry over.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Doc = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def item_paths(paths: Mapping[str, Any]) -> dict[str, str]:
    """`collection path -> item path` where the item is the collection plus one `{param}`."""
    out = {}
    for path in paths:
        head, _, last = path.rpartition("/")
        if last.startswith("{") and last.endswith("}") and head in paths:
            out[head] = path
    return out


def _path_names(path: str) -> list[str]:
    return [p.strip("{}") for p in path.split("/") if p.startswith("{")]


def _response_fields(response: Doc, schemas: Mapping[str, Any]) -> set[str] | None:
    """Top-level fields of a JSON object response; None for lists and non-JSON."""
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    name = schema.get("$ref", "").split("/")[-1]
    target = schemas.get(name, {}) if name else schema
    fields = set(target.get("properties", {}))
    if not fields or {"items", "next_cursor"} <= fields:
        return None
    return fields


def _value_for(name: str, source_names: list[str], fields: set[str]) -> str | None:
    if name in source_names:
        return f"$request.path.{name}"
    for field in (name, "id"):
        if field in fields:
            return f"$response.body#/{field}"
    return None


def _link(target: Doc, source_path: str, fields: set[str], etag: bool) -> Doc | None:
    params: Doc = {}
    for param in target.get("parameters", []):
        if param.get("in") == "path":
            value = _value_for(param["name"], _path_names(source_path), fields)
            if value is None:
                return None
            params[f"path.{param['name']}"] = value
        elif param.get("in") == "header" and param["name"].lower() == "if-match":
            if not etag:
                return None
            params["header.If-Match"] = "$response.header.ETag"
    if not params:
        return None
    return {"operationId": target["operationId"], "parameters": params}


def _targets(target_path: str, paths: Mapping[str, Any]) -> list[str]:
    """The resource itself and its direct sub-resources (one more segment, no new parameter)."""
    depth = target_path.count("{")
    out = [target_path]
    for path in paths:
        if path.startswith(target_path + "/") and path.count("{") == depth:
            out.append(path)
    return out


def add_links(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> list[str]:
    """Adds `links` to 201 responses of creates and 200 responses of single reads."""
    notes = []
    items = item_paths(paths)
    for path, item in paths.items():
        for method, op in item.items():
            status = {"post": "201", "get": "200"}.get(method)
            response = op.get("responses", {}).get(status) if status else None
            target_path = items.get(path) if method == "post" else path
            if response is None or target_path is None or (method == "get" and "{" not in path):
                continue
            fields = _response_fields(response, schemas)
            if fields is None:
                continue
            etag = "ETag" in response.get("headers", {})
            links: Doc = {}
            for tpath in _targets(target_path, paths):
                for tmethod, top in paths[tpath].items():
                    if tmethod not in HTTP_METHODS or (tpath, tmethod) == (path, method):
                        continue
                    # the response's ETag is the version of this resource, not of its parts
                    link = _link(top, path, fields, etag and tpath == target_path)
                    if link is not None:
                        links[top["operationId"]] = link
            if links:
                response["links"] = dict(sorted(links.items()))
            elif method == "post":
                notes.append(f"{op.get('operationId')}: the created resource has no linkable id")
    return notes
