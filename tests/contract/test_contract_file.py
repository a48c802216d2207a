"""openapi/openapi.yaml is what the code generates, breaks no client, and is complete."""

from __future__ import annotations

import re
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
    """Ids are the handlers' snake_case function names; generators prefix them with the tag
    (`applications.create_application`), so an id never repeats its tag at the start."""
    ids = [op["operationId"] for _, _, op in _operations(generated)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids), ids
    for _, _, op in _operations(generated):
        tag = op["tags"][0].replace("-", "_")
        assert not op["operationId"].startswith(tag + "_"), op["operationId"]


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
    code_flow = schemes["oauth2"]["flows"]["authorizationCode"]
    assert code_flow["authorizationUrl"] == "/auth/v1/authorize"
    assert code_flow["tokenUrl"] == "/auth/v1/token"
    assert "password" not in schemes["oauth2"]["flows"]  # development only, not advertised
    assert schemes["bearerAuth"]["bearerFormat"] == "JWT"
    assert all("description" in tag for tag in generated["tags"])
    assert {"Problem", "FieldError", "Money", "AgsKey"} <= set(generated["components"]["schemas"])


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def test_every_list_is_an_object_and_every_success_has_one_media_type(generated):
    for path, method, op in _operations(generated):
        for status, response in op["responses"].items():
            if not status.startswith("2"):
                continue
            content = response.get("content", {})
            assert len(content) <= 1, f"{method.upper()} {path} {status}: {sorted(content)}"
            for media in content.values():
                schema = _resolve(generated, media.get("schema", {}))
                assert schema.get("type") != "array", f"{method.upper()} {path}: a bare array"


def test_conditional_requests_are_in_the_contract(generated):
    """If-Match required wherever the server answers 428 without it; every GET that sends an
    ETag takes If-None-Match and documents its 304; public operations say `security: []`."""
    optional = {"POST /cases/v1/cases/{case_id}/plan/versions"}
    for path, method, op in _operations(generated):
        where = f"{method.upper()} {path}"
        headers = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "header"}
        if "If-Match" in headers:
            assert headers["If-Match"].get("required", False) is (where not in optional), where
            assert "quotes included" in headers["If-Match"]["description"], where
        sends_etag = "ETag" in op["responses"].get("200", {}).get("headers", {})
        if method == "get":
            assert ("If-None-Match" in headers) is sends_etag, where
            assert ("304" in op["responses"]) is sends_etag, where
        assert "security" in op, where
    reads = [p for p, m, op in _operations(generated) if m == "get" and "304" in op["responses"]]
    assert "/funding/v1/applications/{application_id}" in reads
    assert "/funding/v1/programmes/{programme_id}" in reads
    assert "/funding/v1/consortia/{consortium_id}" in reads
    transition = generated["paths"]["/funding/v1/applications/{application_id}/transitions"]
    assert "400" in transition["post"]["responses"]  # invalid-etag


def test_the_decision_notice_pdf_is_its_own_operation(generated):
    base = "/funding/v1/applications/{application_id}/decision-notice"
    json_op = generated["paths"][base]["get"]
    pdf_op = generated["paths"][base + ".pdf"]["get"]
    assert list(json_op["responses"]["200"]["content"]) == ["application/json"]
    assert list(pdf_op["responses"]["200"]["content"]) == ["application/pdf"]
    assert not [p for p in json_op["parameters"] if p["name"].lower() == "accept"]
