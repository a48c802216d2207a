"""The breaking-change checker itself, on small synthetic contracts."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from services.tooling.openapi_breaking import breaking_changes, check_release


def contract(version: str = "1.0.0") -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": version},
        "paths": {
            "/cases/v1/cases": {
                "get": {
                    "parameters": [
                        {
                            "name": "status",
                            "in": "query",
                            "schema": {"$ref": "#/components/schemas/Status"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Case"}
                                }
                            }
                        }
                    },
                },
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/CaseCreate"}
                            }
                        }
                    },
                    "responses": {
                        "201": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Case"}
                                }
                            }
                        }
                    },
                },
            }
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["open", "closed"]},
                "CaseCreate": {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string"},
                        "status": {"$ref": "#/components/schemas/Status"},
                    },
                    "required": ["title"],
                },
                "Case": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "fte": {"type": "string"},
                    },
                    "required": ["id", "title"],
                },
            }
        },
    }


def test_identical_contracts_have_no_breaking_changes():
    assert breaking_changes(contract(), contract()) == []
    assert check_release(contract(), contract()) == []


def test_removed_operation_is_caught_and_fails_the_release():
    new = contract()
    del new["paths"]["/cases/v1/cases"]["post"]
    assert breaking_changes(contract(), new) == ["POST /cases/v1/cases: operation removed"]
    problems = check_release(contract(), new)
    assert problems[0].startswith("1 breaking change(s) since 1.0.0")
    assert "POST /cases/v1/cases: operation removed" in problems[1]


def test_a_raised_major_version_lets_a_breaking_change_pass():
    new = contract("2.0.0")
    del new["paths"]["/cases/v1/cases"]["post"]
    assert check_release(contract(), new) == []


def test_a_minor_bump_is_not_enough_for_a_breaking_change():
    new = contract("1.1.0")
    del new["paths"]["/cases/v1/cases"]["post"]
    assert check_release(contract(), new)


def test_an_added_optional_field_passes():
    new = contract()
    new["components"]["schemas"]["CaseCreate"]["properties"]["note"] = {"type": "string"}
    new["components"]["schemas"]["Case"]["properties"]["note"] = {"type": "string"}
    assert breaking_changes(contract(), new) == []


def test_an_added_operation_and_optional_parameter_pass():
    new = contract()
    new["paths"]["/cases/v1/cases"]["get"]["parameters"].append(
        {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    )
    new["paths"]["/cases/v1/plans"] = {"get": {"responses": {"200": {"description": "ok"}}}}
    assert breaking_changes(contract(), new) == []


def test_a_version_going_down_is_refused():
    assert check_release(contract("1.2.0"), contract("1.1.0")) == [
        "info.version went down from 1.2.0 to 1.1.0"
    ]


def _mutated(change) -> dict[str, Any]:
    new = copy.deepcopy(contract())
    change(new)
    return new


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["components"]["schemas"]["CaseCreate"]["required"].append("status"),
            "POST /cases/v1/cases: body.status: newly required request field",
        ),
        (
            lambda d: d["components"]["schemas"]["Case"]["properties"].pop("fte"),
            "GET /cases/v1/cases: response 200.fte: response field removed",
        ),
        (
            lambda d: d["components"]["schemas"]["Case"]["required"].remove("title"),
            "GET /cases/v1/cases: response 200.title: response field no longer always present",
        ),
        (
            lambda d: d["components"]["schemas"]["Status"]["enum"].remove("closed"),
            "GET /cases/v1/cases: parameter status: enum narrowed, ['closed'] removed",
        ),
        (
            lambda d: d["paths"]["/cases/v1/cases"]["get"].update(parameters=[]),
            "GET /cases/v1/cases: parameter status (query) removed",
        ),
        (
            lambda d: d["paths"]["/cases/v1/cases"]["get"]["parameters"][0].update(required=True),
            "GET /cases/v1/cases: parameter status (query) became required",
        ),
        (
            lambda d: d["components"]["schemas"]["Case"]["properties"].update(
                fte={"type": "number"}
            ),
            "GET /cases/v1/cases: response 200.fte: type changed from ['string'] to ['number']",
        ),
        (
            lambda d: d["paths"]["/cases/v1/cases"]["post"]["responses"].pop("201"),
            "POST /cases/v1/cases: success response 201 removed",
        ),
    ],
)
def test_each_kind_of_breaking_change_is_named(change, expected):
    assert expected in breaking_changes(contract(), _mutated(change))


def test_widening_a_request_type_is_compatible():
    new = contract()
    new["components"]["schemas"]["CaseCreate"]["properties"]["title"] = {
        "anyOf": [{"type": "string"}, {"type": "null"}]
    }
    assert breaking_changes(contract(), new) == []
