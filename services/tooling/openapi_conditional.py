"""Conditional requests in the contract: If-Match where the server requires it, If-None-Match
and 304 where a read sends an ETag (services/common/concurrency.py is the runtime side).

Handlers declare If-Match as optional (`IfMatchHeader = None`) so a missing header reaches the
428 problem instead of FastAPI's 422; the contract says what a client must send, so generated
clients take it as a required argument. The one exception, listed in openapi/meta.yaml under
`optional_if_match`, is an operation that needs it only from the second version on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Doc = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

IF_NONE_MATCH: Doc = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": (
        'The ETag you read before (`"4"`): if the resource still has it, the answer is 304 '
        "without a body, so you can keep your copy"
    ),
    # no bounds: the server never refuses it, an entry that is no ETag just never matches
    "schema": {"type": "string"},
}


def _if_match(op: Doc) -> Doc | None:
    for param in op.get("parameters", []):
        if param.get("in") == "header" and param["name"].lower() == "if-match":
            return param  # type: ignore[no-any-return]
    return None


def require_if_match(op: Doc, where: str, meta: Mapping[str, Any]) -> None:
    """Marks If-Match required (and a plain string) unless meta lists the operation optional."""
    param = _if_match(op)
    if param is None or where in meta.get("optional_if_match", []):
        return
    param["required"] = True
    schema = param.get("schema", {})
    if "anyOf" in schema:  # `str | None`: required now, so only the string form
        strings = [s for s in schema["anyOf"] if s.get("type") == "string"]
        param["schema"] = {**strings[0], **{k: v for k, v in schema.items() if k != "anyOf"}}


def add_not_modified(op: Doc, etag_header: Doc, request_id_header: Doc) -> None:
    """A GET whose 200 sends an ETag takes If-None-Match and may answer 304."""
    ok = op.get("responses", {}).get("200", {})
    if "ETag" not in ok.get("headers", {}):
        return
    op.setdefault("parameters", []).append(dict(IF_NONE_MATCH))
    op["responses"]["304"] = {
        "description": "Not modified: the resource still has the ETag you sent in If-None-Match",
        "headers": {"X-Request-ID": request_id_header, "ETag": etag_header},
    }


def complete_conditionals(
    paths: Mapping[str, Any], meta: Mapping[str, Any], etag_header: Doc, request_id_header: Doc
) -> None:
    """If-Match required on changes, If-None-Match + 304 on reads that send an ETag."""
    for path, item in paths.items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            if method == "get":
                add_not_modified(op, dict(etag_header), dict(request_id_header))
            else:
                require_if_match(op, f"{method.upper()} {path}", meta)
