"""openapi/openapi.yaml passes the standard OpenAPI linters: Spectral's `spectral:oas` and
Redocly's `recommended` rulesets, with zero errors (warnings are printed, not failed)."""

from __future__ import annotations

import json

import pytest

from services.tooling.contract_lint import Finding, lint

LINTERS = ("spectral", "redocly")
# one worker lints once for the whole module (the fixture below is module-scoped)
pytestmark = pytest.mark.xdist_group("sdk-lint")

# an example that contradicts its schema, on an operation that states no security: both
# rulesets call that an error, so a linter that silently checks nothing fails this module
BROKEN = {
    "openapi": "3.1.0",
    "info": {"title": "broken", "version": "1", "description": "planted errors"},
    "servers": [{"url": "http://127.0.0.1:8080"}],
    "paths": {
        "/x": {
            "get": {
                "operationId": "x-get",
                "summary": "x",
                "description": "x",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"type": "integer"},
                                "example": "not a number",
                            }
                        },
                    }
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return lint()


@pytest.mark.parametrize("linter", LINTERS)
def test_the_contract_has_no_linter_errors(findings, linter):
    mine = [f for f in findings if f.linter == linter]
    for finding in mine:
        print(finding)  # noqa: T201 - the warnings: shown with -rP, and with errors on failure
    errors = [str(f) for f in mine if f.severity == "error"]
    assert not errors, f"{len(errors)} {linter} errors:\n" + "\n".join(errors)


def test_each_linter_finds_a_planted_error(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(BROKEN), encoding="utf-8")

    found = lint(broken)

    for linter in LINTERS:
        assert any(f.linter == linter and f.severity == "error" for f in found), found
