"""The contract's `webhooks` section lists what the outbox carries: every event type a service's
code names where it emits (literal strings; built names such as f"consortium.{action}" are
listed by hand) has its entry in services/common/webhooks/catalog.py, and every entry becomes
one documented webhook in the merged contract."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from services.common.webhooks.catalog import CATALOG
from services.tooling.openapi_webhooks import webhooks

ROOT = Path(__file__).resolve().parents[2] / "services"
EVENT = re.compile(r"^[a-z_]+\.[a-z_]+$")
EMITTERS = {"emit", "event_row", "announce", "_announce", "add", "change", "event_insert_sql"}


def _strings(node: ast.AST) -> set[str]:
    found = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            value = sub.value.strip("'")
            if EVENT.match(value):
                found.add(value)
    return found


def _named(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def emitted(service: str) -> set[str]:
    """Event-type strings in calls that emit, and in names and functions about events."""
    types: set[str] = set()
    for path in (ROOT / service).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _named(node.func) in EMITTERS:
                types |= {s for arg in node.args for s in _strings(arg)}
            elif isinstance(node, ast.Assign) and any(
                "event" in _named(t).lower() for t in node.targets
            ):
                types |= _strings(node.value)
            elif isinstance(node, ast.FunctionDef) and "event" in node.name:
                types |= {
                    s for r in ast.walk(node) if isinstance(r, ast.Return) for s in _strings(r)
                }
    return types


@pytest.mark.parametrize("service", sorted(CATALOG))
def test_every_emitted_event_type_is_in_the_catalog(service: str) -> None:
    found = emitted(service)
    assert found, "the scan found no event types at all: it is broken"
    assert found - set(CATALOG[service]) == set()


def test_every_catalog_entry_is_a_documented_webhook() -> None:
    hooks = webhooks()
    assert set(hooks) == {f"{s}/{t}" for s, types in CATALOG.items() for t in types}
    case_opened = hooks["cases/case.opened"]["post"]
    schema = case_opened["requestBody"]["content"]["application/json"]["schema"]
    payload = schema["allOf"][1]["properties"]["data"]["properties"]["payload"]
    assert {"case_id", "municipality_ags", "status"} <= set(payload["properties"])
    headers = {p["name"] for p in case_opened["parameters"]}
    assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
