"""Completing every operation of the merged contract from what the operation itself shows.

The services declare their routes; this adds what follows from the conventions, so no
service has to remember it: problem responses (path parameter -> 404, If-Match -> 412/428,
Idempotency-Key -> 409/422, body -> 413, ...), response headers (X-Request-ID, ETag,
Location, Link), links from creates to the operations on the created resource, examples.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.common.problems import PROBLEM_MEDIA_TYPE
from services.tooling.openapi_conditional import complete_conditionals
from services.tooling.openapi_examples import add_examples
from services.tooling.openapi_links import add_links, item_paths
from services.tooling.openapi_requests import optional_defaults

Doc = dict[str, Any]
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
WRITES = ("put", "patch", "delete", "post")
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

_PROBLEM_TEXT = {
    400: (
        "Bad request: a body that does not parse, a cursor this API did not issue, or an "
        'If-Match that is not a quoted strong ETag (`invalid-etag`: send `"4"`, not `4` or `W/"4"`)'
    ),
    401: "Unauthorized: the access token is missing, expired or invalid",
    403: "Forbidden: your role does not allow this action on an object you may see",
    404: "Not found, or not visible to your organization (also an object the body refers to)",
    409: "Conflict: the object's state does not allow this, or a duplicate request is running",
    412: "Precondition failed: the If-Match ETag is stale; read the resource again",
    413: "Payload too large",
    422: "Validation failed: the problem lists the offending fields",
    428: "Precondition required: send If-Match with the ETag you read",
    429: "Too many requests: slow down and retry after the Retry-After seconds",
}

_HEADERS: dict[str, Doc] = {
    "X-Request-ID": {
        "description": "The request's id (yours if you sent a valid one); quote it when asking",
        "required": True,
        "schema": {"type": "string", "maxLength": 128},
    },
    "ETag": {
        "description": (
            'The version of the resource, a quoted strong ETag (`"4"`): send it back unchanged '
            "as If-Match to change it, or as If-None-Match to read it only if it changed"
        ),
        "schema": {"type": "string"},
    },
    "Location": {
        "description": "URL of the created resource",
        "schema": {"type": "string", "format": "uri-reference"},
    },
    "Link": {
        "description": 'The next page: `<url>; rel="next"`, absent on the last page',
        "schema": {"type": "string"},
    },
    "WWW-Authenticate": {
        "description": "The bearer challenge (RFC 6750)",
        "schema": {"type": "string"},
    },
    "Retry-After": {
        "description": "Seconds to wait before retrying",
        "schema": {"type": "string"},
    },
}


def _params(op: Doc, where: str) -> list[Doc]:
    return [p for p in op.get("parameters", []) if p.get("in") == where]


def _has_header(op: Doc, name: str) -> bool:
    return any(p["name"].lower() == name.lower() for p in _params(op, "header"))


def _header(name: str) -> Doc:
    return dict(_HEADERS[name])


def _references(op: Doc, schemas: Mapping[str, Any]) -> bool:
    """Whether the JSON body names other objects by id (`programme_id`), which may not exist."""
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = schema.get("schema", {})
    name = schema.get("$ref", "").split("/")[-1]
    properties = (schemas.get(name, {}) if name else schema).get("properties", {})
    return any(p.endswith("_id") for p in properties)


def problem_statuses(
    path: str, method: str, op: Doc, token_path: str, schemas: Mapping[str, Any] | None = None
) -> set[int]:
    """The problem responses an operation can give, derived from its shape."""
    statuses: set[int] = {429}  # the gateway's rate limit stands before every operation
    if _references(op, schemas or {}):
        statuses.add(404)
    if op.get("security"):
        statuses |= {401, 403}
    if op.get("parameters") or "requestBody" in op:
        statuses.add(422)
    if _params(op, "path"):
        statuses.add(404)
    if _has_header(op, "If-Match"):
        statuses |= {400, 412, 428}
    if _has_header(op, "Idempotency-Key"):
        statuses |= {409, 422}
    if "requestBody" in op:
        statuses |= {400, 413}  # 400: a body that is not JSON at all
    if any(p["name"] == "cursor" for p in _params(op, "query")):
        statuses.add(400)
    if path == token_path and method == "post":
        statuses |= {400, 401}
    return statuses


def _problem_response(status: int, existing: Doc | None) -> Doc:
    # other media types the operation answers with stay (the login page's text/html);
    # application/json here is FastAPI's validation error, which our problems replace
    kept = {
        media: body
        for media, body in (existing or {}).get("content", {}).items()
        if media not in (PROBLEM_MEDIA_TYPE, "application/json")
    }
    response: Doc = {
        "description": (existing or {}).get("description") or _PROBLEM_TEXT.get(status, "Problem"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": dict(PROBLEM_REF)}, **kept},
    }
    headers = {"X-Request-ID": _header("X-Request-ID")}
    if status == 401:
        headers["WWW-Authenticate"] = _header("WWW-Authenticate")
    if status in (409, 429, 503):
        headers["Retry-After"] = _header("Retry-After")
    response["headers"] = headers
    return response


def _versioned(item: Mapping[str, Any]) -> bool:
    return any(_has_header(op, "If-Match") for m, op in item.items() if m in WRITES)


def _success_headers(
    path: str, method: str, status: str, op: Doc, paths: Mapping[str, Any], items: dict[str, str]
) -> dict[str, Doc]:
    headers = {"X-Request-ID": _header("X-Request-ID")}
    response = op["responses"][status]
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    is_page = schema.get("$ref", "").split("/")[-1].startswith("Page")
    if method == "get" and is_page:
        headers["Link"] = _header("Link")
    if status == "201":
        headers["Location"] = _header("Location")
    single = path in paths and _versioned(paths[path]) and not is_page
    created = status == "201" and path in items and _versioned(paths[items[path]])
    if (single and method in ("get", "put", "patch", "post")) or created:
        headers["ETag"] = _header("ETag")
    return headers


def _complete_responses(
    path: str,
    method: str,
    op: Doc,
    paths: Mapping[str, Any],
    token_path: str,
    schemas: Mapping[str, Any],
) -> None:
    responses: dict[str, Any] = op.setdefault("responses", {})
    items = item_paths(paths)
    for status in problem_statuses(path, method, op, token_path, schemas):
        key = str(status)
        responses[key] = _problem_response(status, responses.get(key))
    for key, response in list(responses.items()):
        if key.startswith(("4", "5")):  # problems, beside any page the operation shows
            responses[key] = _problem_response(int(key), response)
        elif key.startswith("2"):
            headers = _success_headers(path, method, key, op, paths, items)
            response["headers"] = {**headers, **response.get("headers", {})}
        elif key.startswith("3"):  # redirects: the request id is on every answer
            response["headers"] = {
                "X-Request-ID": _header("X-Request-ID"),
                **response.get("headers", {}),
            }


def _fix_security(op: Doc, where: str, meta: Mapping[str, Any]) -> None:
    """The services' scheme names become the contract's (`HTTPBearer` -> bearer JWT or OAuth2);
    operations where the credentials are optional also accept none (`{}`); public operations
    say so with an explicit empty list (linters and generators read a missing one as unknown)."""
    if not op.get("security"):
        op["security"] = []
        return
    mapping: Mapping[str, list[str]] = meta["security_map"]
    names: list[str] = []
    for requirement in op["security"]:
        for scheme in requirement:
            names.extend(n for n in mapping.get(scheme, [scheme]) if n not in names)
    op["security"] = [{name: []} for name in names]
    if where in meta.get("optional_security", []):
        op["security"].append({})


def _empty_json_success(op: Doc) -> None:
    """A 2xx that FastAPI describes as JSON of any shape (`{}`) is a handler's bare Response:
    it has no body, so the contract promises none."""
    for status, response in op.get("responses", {}).items():
        media = response.get("content", {}).get("application/json")
        if str(status).startswith("2") and media is not None and media.get("schema") == {}:
            del response["content"]["application/json"]
            if not response["content"]:
                del response["content"]


NO_NUL = "^[^\\x00]*$"


def forbid_nul(node: Any) -> Any:
    """Free-text strings say what the API enforces: PostgreSQL text holds no NUL (422)."""
    if isinstance(node, dict):
        out = {k: forbid_nul(v) for k, v in node.items()}
        if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(node):
            out["pattern"] = NO_NUL
        return out
    if isinstance(node, list):
        return [forbid_nul(v) for v in node]
    return node


def enrich_operations(
    paths: dict[str, Any], schemas: Mapping[str, Any], meta: Mapping[str, Any]
) -> list[str]:
    """Completes every operation in place; returns notes on gaps it could not fill."""
    token_path = meta["token_path"]
    for path, item in paths.items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            _fix_security(op, f"{method.upper()} {path}", meta)
            _empty_json_success(op)
            _complete_responses(path, method, op, paths, token_path, schemas)
    complete_conditionals(paths, meta, _header("ETag"), _header("X-Request-ID"))
    notes = add_links(paths, schemas)
    notes.extend(add_examples(paths, schemas))
    optional_defaults(paths, schemas)  # after the examples, which take values from defaults
    return notes
