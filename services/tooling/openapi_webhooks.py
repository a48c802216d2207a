"""The contract's OpenAPI 3.1 `webhooks`: one entry per service and event type, documenting the
request a subscriber's endpoint receives (Standard Webhooks headers, the JSON body, its payload).

Made from services/common/webhooks/catalog.py, so the contract lists what the outbox carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.common.webhooks.catalog import CATALOG, EventDoc

SCHEMAS_REF = "#/components/schemas/"
MESSAGE = "WebhookMessage"
EVENT = "WebhookEvent"

_HEADERS = (
    ("webhook-id", "Stable for all attempts of one event to one subscription: deduplicate on it",
     "msg_cases_4711_9b2f0c1e7a3d4f5e8c6b1a2d3e4f5a6b"),
    ("webhook-timestamp", "Unix time of this attempt; refuse old ones (replays)", "1764406800"),
    ("webhook-signature", "`v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}` "
     "with each live secret (two during a rotation's overlap), space-separated",
     "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
)  # fmt: skip


def components() -> dict[str, Any]:
    """The body every delivery has: `{type, timestamp, data}`, `data` as the events feed has it."""
    event = {
        "type": "object",
        "required": ["id", "service", "type", "entity_type", "entity_id", "occurred_at", "payload"],
        "properties": {
            "id": {"type": "integer", "description": "The event's id on the service's feed"},
            "service": {"type": "string", "enum": sorted(CATALOG)},
            "type": {"type": "string"},
            "entity_type": {"type": "string"},
            "entity_id": {"type": "string"},
            "occurred_at": {"type": "string", "format": "date-time"},
            "payload": {"type": "object", "additionalProperties": True},
        },
    }
    message = {
        "type": "object",
        "required": ["type", "timestamp", "data"],
        "properties": {
            "type": {"type": "string", "description": "The event type, as in `data.type`"},
            "timestamp": {"type": "string", "format": "date-time"},
            "data": {"$ref": SCHEMAS_REF + EVENT},
        },
    }
    return {EVENT: event, MESSAGE: message}


def _body(service: str, type_: str, doc: EventDoc) -> dict[str, Any]:
    payload = {
        "type": "object",
        "additionalProperties": True,
        "properties": {name: {"description": text} for name, text in doc.payload.items()},
    }
    data = {
        "properties": {
            "service": {"const": service},
            "type": {"const": type_},
            "entity_type": {"const": doc.entity_type},
            "payload": payload,
        }
    }
    return {
        "allOf": [
            {"$ref": SCHEMAS_REF + MESSAGE},
            {"properties": {"type": {"const": type_}, "data": data}},
        ]
    }


def _operation(service: str, type_: str, doc: EventDoc) -> dict[str, Any]:
    headers = [
        {"name": name, "in": "header", "required": True, "description": text,
         "schema": {"type": "string"}, "example": example}
        for name, text, example in _HEADERS
    ]  # fmt: skip
    return {
        "post": {
            "tags": ["webhooks"],
            "operationId": f"webhook_{service}_{type_.replace('.', '_')}",
            "summary": f"{service}: {type_}",
            "security": [],  # deliveries are signed (the headers above), no token is sent
            "description": f"{doc.summary}. Sent to subscriptions of /{service}/v1/"
            "webhook-subscriptions that asked for this type (or `*`) and whose organization "
            "sees the event on the events feed.",
            "parameters": headers,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _body(service, type_, doc)}},
            },
            "responses": {
                "2XX": {"description": "Received: the delivery is done"},
                "410": {"description": "Gone: the subscription is disabled, nothing more is sent"},
                "default": {"description": "Any other answer (or none within 15 s) is retried"},
            },
        }
    }


def webhooks(catalog: Mapping[str, Mapping[str, EventDoc]] = CATALOG) -> dict[str, Any]:
    """`{"<service>/<event type>": path item}`, sorted."""
    return {
        f"{service}/{type_}": _operation(service, type_, catalog[service][type_])
        for service in sorted(catalog)
        for type_ in sorted(catalog[service])
    }
