"""schemathesis hooks: each operation is called with a real token of a role that may use it.

The tokens (one per role) are read from the JSON file named by PAKT_FUZZ_TOKENS, written by
tests/contract/runner.py, so the same hooks serve the in-process and the gateway runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from typing import Any

import schemathesis

# which role exercises the operations of a tag; operations without security get no token
ROLE_BY_TAG = {
    "organizations": "admin",
    "users": "org_admin",
    "clients": "org_admin",
    "signing-keys": "admin",
    "oauth": "case_worker",
    "data-protection": "privacy_officer",
    "key-figures": "analyst",
    "programmes": "admin",
    "planning-frames": "admin",
    "budgets": "approver",
    "decisions": "approver",
    "batches": "approver",
    "consortia": "applicant",
    "applications": "applicant",
    "transitions": "applicant",
    "proofs": "applicant",
    "webhook-subscriptions": "org_admin",
}
DEFAULT_ROLE_BY_SERVICE = {"auth": "admin", "cases": "case_worker", "funding": "applicant"}


@cache
def _tokens() -> dict[str, str]:
    with open(os.environ["PAKT_FUZZ_TOKENS"], encoding="utf-8") as file:
        tokens: dict[str, str] = json.load(file)
    return tokens


def role_for(path: str, tags: list[str]) -> str:
    for tag in tags:
        if tag in ROLE_BY_TAG:
            return ROLE_BY_TAG[tag]
    return DEFAULT_ROLE_BY_SERVICE.get(path.strip("/").split("/")[0], "admin")


@schemathesis.auth(refresh_interval=None)
class RoleTokens:
    """A bearer token of the role the operation's tag calls for."""

    def get(self, case: Any, context: Any) -> str | None:
        operation = case.operation
        if not operation.definition.raw.get("security"):
            return None
        return _tokens()[role_for(operation.path, operation.tags or [])]

    def set(self, case: Any, data: str | None, context: Any) -> None:
        if data is None:
            return
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


@schemathesis.serializer(
    "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines"
)
def json_lines(context: Any, value: Any) -> bytes:
    """JSON Lines bodies (bulk imports): the contract gives them as text; anything else as JSON."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value).encode("utf-8")


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """An Idempotency-Key names one request: derive it from the request, as a careful client
    would, instead of letting the generator reuse one value for different bodies (a 422)."""
    headers = case.headers or {}
    key = next((k for k in headers if k.lower() == "idempotency-key"), None)
    if key is None or not isinstance(headers[key], str) or not headers[key]:
        return
    request = json.dumps(
        [case.method, case.formatted_path, case.body], default=repr, sort_keys=True
    ).encode()
    headers[key] = "st-" + hashlib.sha256(request).hexdigest()[:32]
