"""The merge helper on small synthetic service documents."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from services.cli.openapi import META
from services.tooling.openapi import ContractError, merge_documents

META_DOC = yaml.safe_load(META.read_text(encoding="utf-8"))


def service(name: str, schemas: dict[str, Any], path: str = "things") -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": name, "version": "1"},
        "paths": {
            f"/{name}/v1/{path}": {
                "post": {
                    "tags": ["things"],
                    "operationId": "create_thing",
                    "security": [{"HTTPBearer": []}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Created",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        },
                        "422": {
                            "description": "Validation Error",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/HTTPValidationError"}
                                }
                            },
                        },
                    },
                }
            },
            f"/{name}/v1/{path}/{{thing_id}}": {
                "get": {
                    "tags": ["things"],
                    "operationId": "get_thing",
                    "security": [{"HTTPBearer": []}],
                    "parameters": [
                        {
                            "name": "thing_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": {"description": "OK"}},
                },
                "patch": {
                    "tags": ["things"],
                    "operationId": "update_thing",
                    "security": [{"HTTPBearer": []}],
                    "parameters": [
                        {
                            "name": "thing_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "If-Match",
                            "in": "header",
                            "required": False,
                            "schema": {
                                "anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]
                            },
                        },
                    ],
                    "responses": {"200": {"description": "OK"}},
                },
            },
        },
        "components": {"schemas": {**schemas, "HTTPValidationError": {"type": "object"}}},
    }


THING: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "name": {"type": "string", "examples": ["Göppingen"]},
    },
    "required": ["id", "name"],
}


def test_identical_components_are_kept_once_and_fastapi_validation_errors_dropped():
    doc, _ = merge_documents(
        {"auth": service("auth", {"Thing": THING}), "cases": service("cases", {"Thing": THING})},
        META_DOC,
    )
    assert "Thing" in doc["components"]["schemas"]
    assert "AuthThing" not in doc["components"]["schemas"]
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    assert list(doc["paths"]) == sorted(doc["paths"])


def test_differing_components_are_prefixed_and_refs_rewritten():
    other = {**THING, "properties": {**THING["properties"], "size": {"type": "integer"}}}
    doc, _ = merge_documents(
        {"auth": service("auth", {"Thing": THING}), "cases": service("cases", {"Thing": other})},
        META_DOC,
    )
    schemas = doc["components"]["schemas"]
    assert schemas["Thing"]["properties"].keys() == THING["properties"].keys()
    assert schemas["CasesThing"]["properties"].keys() == other["properties"].keys()
    body = doc["paths"]["/cases/v1/things"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/CasesThing"}


def test_a_clash_prefixing_cannot_resolve_fails_loudly():
    other = {**THING, "title": "other"}
    with pytest.raises(ContractError, match="clashes"):
        merge_documents(
            {
                "auth": service("auth", {"Thing": THING, "CasesThing": {"type": "string"}}),
                "cases": service("cases", {"Thing": other}),
            },
            META_DOC,
        )


def test_operation_ids_shared_by_services_get_the_service_prefix():
    doc, _ = merge_documents(
        {"auth": service("auth", {"Thing": THING}), "cases": service("cases", {"Thing": THING})},
        META_DOC,
    )
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()]
    assert "auth_create_thing" in ids
    assert "cases_create_thing" in ids
    assert len(ids) == len(set(ids))


def test_a_path_outside_the_service_prefix_fails():
    with pytest.raises(ContractError, match="outside its prefix"):
        merge_documents({"auth": service("cases", {"Thing": THING})}, META_DOC)


def test_operations_are_completed_from_their_shape():
    doc, _ = merge_documents({"cases": service("cases", {"Thing": THING})}, META_DOC)
    create = doc["paths"]["/cases/v1/things"]["post"]
    update = doc["paths"]["/cases/v1/things/{thing_id}"]["patch"]
    get = doc["paths"]["/cases/v1/things/{thing_id}"]["get"]
    assert create["security"] == [{"bearerAuth": []}, {"oauth2": []}]
    # 429 everywhere: the gateway's rate limit stands before every operation
    assert set(create["responses"]) == {"201", "400", "401", "403", "413", "422", "429"}
    assert set(update["responses"]) == {
        *("200", "400", "401", "403", "404", "412", "422", "428", "429")
    }
    assert set(get["responses"]) == {"200", "304", "401", "403", "404", "422", "429"}
    assert {"ETag", "X-Request-ID"} <= set(get["responses"]["304"]["headers"])
    assert {"name": "If-None-Match", "in": "header"}.items() <= next(
        p for p in get["parameters"] if p["name"] == "If-None-Match"
    ).items()
    problem = create["responses"]["422"]["content"]["application/problem+json"]
    assert problem["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert problem["example"]["status"] == 422
    created = create["responses"]["201"]
    assert {"X-Request-ID", "Location", "ETag"} <= set(created["headers"])
    assert "ETag" in get["responses"]["200"]["headers"]
    if_match = next(p for p in update["parameters"] if p["name"] == "If-Match")
    assert if_match["required"] is True
    assert if_match["schema"] == {"type": "string", "maxLength": 200, "pattern": "^[^\\x00]*$"}
    name = doc["components"]["schemas"]["Thing"]["properties"]["name"]
    assert name["pattern"] == "^[^\\x00]*$", "free text says that NUL is refused"
    assert created["links"]["update_thing"]["parameters"] == {
        "path.thing_id": "$response.body#/id",
        "header.If-Match": "$response.header.ETag",
    }
    assert created["content"]["application/json"]["example"] == {
        "id": "5b0c2e8a-3f4d-5e61-9a7b-1c2d3e4f5a6b",
        "name": "Göppingen",
    }


def test_public_operations_say_so_and_if_match_on_a_post_is_required_unless_listed():
    doc = service("cases", {"Thing": THING})
    health = {"tags": ["operations"], "operationId": "healthz", "responses": {"200": {}}}
    doc["paths"]["/cases/healthz"] = {"get": health}
    action = {
        "tags": ["things"],
        "operationId": "act_on_thing",
        "security": [{"HTTPBearer": []}],
        "parameters": [{"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "OK"}},
    }
    doc["paths"]["/cases/v1/things/{thing_id}/actions"] = {"post": action}
    revise = {**copy.deepcopy(action), "operationId": "revise_thing"}
    doc["paths"]["/cases/v1/things/{thing_id}/revisions"] = {"post": revise}
    meta = {**META_DOC, "optional_if_match": ["POST /cases/v1/things/{thing_id}/revisions"]}
    merged, _ = merge_documents({"cases": doc}, meta)
    paths = merged["paths"]
    assert paths["/cases/healthz"]["get"]["security"] == []
    required = {
        path: next(p for p in paths[path]["post"]["parameters"] if p["name"] == "If-Match").get(
            "required", False
        )
        for path in ("/cases/v1/things/{thing_id}/actions", "/cases/v1/things/{thing_id}/revisions")
    }
    assert required == {
        "/cases/v1/things/{thing_id}/actions": True,
        "/cases/v1/things/{thing_id}/revisions": False,
    }


def test_defaults_of_request_schemas_become_words_so_the_field_stays_optional():
    doc = service("cases", {"Thing": copy.deepcopy(THING)})
    flag = {"type": "boolean", "default": False, "description": "Start early"}
    doc["components"]["schemas"]["Thing"]["properties"]["early"] = flag
    merged, _ = merge_documents({"cases": doc}, META_DOC)
    early = merged["components"]["schemas"]["Thing"]["properties"]["early"]
    assert "default" not in early
    assert early["description"] == "Start early. Default: `false`."


def test_links_send_an_etag_only_to_the_resource_it_versions():
    doc = service("cases", {"Thing": THING})
    doc["paths"]["/cases/v1/things/{thing_id}/label"] = {
        "put": {
            "tags": ["things"],
            "operationId": "put_label",
            "security": [{"HTTPBearer": []}],
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "If-Match", "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {"200": {"description": "OK"}},
        },
        "get": {
            "tags": ["things"],
            "operationId": "get_label",
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "OK"}},
        },
    }
    merged, _ = merge_documents({"cases": doc}, META_DOC)
    links = merged["paths"]["/cases/v1/things"]["post"]["responses"]["201"]["links"]
    assert "update_thing" in links  # the thing itself: its ETag fits
    assert "get_label" in links  # a part, read without a precondition
    assert "put_label" not in links  # the thing's ETag is not the label's
