"""openapi/openapi.yaml is what the code generates, breaks no client, and is complete."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from services.cli.openapi import CONTRACT, drift, generate, latest_release, render
from services.tooling.openapi_breaking import check_release

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def generated() -> dict[str, Any]:
    return generate()[0]


def _operations(doc: dict[str, Any]):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def test_committed_contract_matches_the_code(generated):
    committed = CONTRACT.read_text(encoding="utf-8")
    diff = drift(committed, render(generated))
    if diff:
        pytest.fail(f"openapi/openapi.yaml is out of date: run `make openapi`\n{diff}", False)


def test_the_drift_check_prints_a_diff_when_the_file_differs(generated):
    changed = render(generated).replace("title: Pakt API", "title: Pakt API (edited)", 1)
    diff = drift(render(generated), changed)
    assert "-  title: Pakt API\n" in diff
    assert "+  title: Pakt API (edited)\n" in diff


def test_no_breaking_change_against_the_previous_release(generated):
    previous = latest_release()
    assert previous is not None, "keep the previous release in openapi/releases/"
    old = yaml.safe_load(previous.read_text(encoding="utf-8"))
    problems = check_release(old, generated)
    assert not problems, "\n".join(problems)


def test_operation_ids_are_unique_and_follow_the_convention(generated):
    ids = [op["operationId"] for _, _, op in _operations(generated)]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i and "_" not in i for i in ids)


def test_every_operation_documents_its_problems_and_headers(generated):
    for path, method, op in _operations(generated):
        where = f"{method.upper()} {path}"
        responses = op["responses"]
        assert op.get("tags"), where
        assert any(s.startswith("2") for s in responses), where
        if op.get("security"):
            assert {"401", "403"} <= set(responses), where
        if op.get("parameters") or "requestBody" in op:
            assert "422" in responses, where
        for status, response in responses.items():
            assert "X-Request-ID" in response.get("headers", {}), f"{where} {status}"
            if status[0] in "45":
                media = response["content"]["application/problem+json"]
                assert media["schema"] == {"$ref": "#/components/schemas/Problem"}, where
                assert media["example"]["status"] == int(status), where


def test_the_contract_is_openapi_3_1_with_security_and_described_tags(generated):
    assert generated["openapi"] == "3.1.0"
    assert {"title", "version", "contact", "license"} <= set(generated["info"])
    schemes = generated["components"]["securitySchemes"]
    assert schemes["oauth2"]["flows"]["password"]["tokenUrl"] == "/auth/v1/token"
    assert schemes["bearerAuth"]["bearerFormat"] == "JWT"
    assert all("description" in tag for tag in generated["tags"])
    assert {"Problem", "FieldError", "Money", "AgsKey"} <= set(generated["components"]["schemas"])
