"""Request and response bodies of `/{service}/v1/webhook-subscriptions`."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, Field, StringConstraints

from services.common.schema_examples import with_examples

EventTypeOrAll = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^([a-z_]+\.[a-z_]+|\*)$")
]
Url = Annotated[str, StringConstraints(min_length=8, max_length=2048)]
Description = Annotated[str, StringConstraints(max_length=200)]

_EXAMPLE = {
    "url": "https://fachverfahren.goeppingen.de/pakt/webhooks",
    "event_types": ["case.opened", "case.closed"],
    "description": "Fachverfahren Integration",
}


class SubscriptionCreate(BaseModel):
    """An endpoint and the event types it wants (`*`: every type of this service)."""

    model_config = with_examples(_EXAMPLE, forbid_extra=True)

    url: Url = Field(description="https://... (http only for loopback, in development)")
    event_types: list[EventTypeOrAll] = Field(min_length=1, max_length=50)
    description: Description | None = None


class SubscriptionChange(BaseModel):
    """Pause (`state: paused`) or resume (`active`), or change the endpoint. Send If-Match."""

    model_config = with_examples({"state": "paused"}, forbid_extra=True)

    url: Url | None = None
    event_types: list[EventTypeOrAll] | None = Field(None, min_length=1, max_length=50)
    description: Description | None = None
    state: Literal["active", "paused"] | None = None


_READ = {
    "id": "5b0d6c1e-2f4a-4c8e-9d3b-7a1e2f3c4d5e",
    **_EXAMPLE,
    "state": "active",
    "state_reason": None,
    "previous_secret_valid_until": None,
    "created_at": "2026-11-29T09:00:00Z",
    "updated_at": "2026-11-29T09:00:00Z",
}
_SECRET = "whsec_C2FtcGxlLXNlY3JldC1ub3QtYS1yZWFsLW9uZS0zMmJ5dGVz"  # noqa: S105 - an example


class SubscriptionRead(BaseModel):
    model_config = with_examples(_READ)

    id: uuid.UUID
    url: str
    event_types: list[str]
    description: str | None
    state: Literal["active", "paused", "disabled"] = Field(
        description="`paused` by you or after an event failed for about a day; `disabled` "
        "after the endpoint answered 410 Gone. PATCH `state: active` resumes either."
    )
    state_reason: str | None
    previous_secret_valid_until: dt.datetime | None = Field(
        description="Until then deliveries carry a signature with the previous secret too"
    )
    created_at: dt.datetime
    updated_at: dt.datetime


class SubscriptionCreated(SubscriptionRead):
    model_config = with_examples({**_READ, "secret": _SECRET})

    secret: str = Field(
        description="`whsec_...`: verify deliveries with it. Shown only now (and on rotation)."
    )


class SecretRotation(BaseModel):
    model_config = with_examples({"overlap_seconds": 86400}, forbid_extra=True)

    overlap_seconds: int = Field(
        86_400, ge=0, le=7 * 86_400, description="How long the old secret keeps signing too"
    )


class SecretRotated(BaseModel):
    model_config = with_examples(
        {"secret": _SECRET, "previous_secret_valid_until": "2026-11-30T09:00:00Z"}
    )

    secret: str
    previous_secret_valid_until: dt.datetime


def _rfc3339_text(value: object) -> object:
    """A time as JSON gives it, a string: a number is refused, not read as Unix time."""
    if not isinstance(value, str | dt.datetime):
        raise ValueError("give the time as an RFC 3339 string, e.g. 2026-11-29T08:00:00Z")
    return value


class RedeliverEvent(BaseModel):
    """One event again, by its id (as in `data.id` of the delivery)."""

    model_config = with_examples({"event_id": 4711}, forbid_extra=True)

    event_id: int = Field(ge=1, le=2**53 - 1)  # exact in every JSON reader


class RedeliverSince(BaseModel):
    """Every delivery made since a time again, in outbox order."""

    model_config = with_examples({"since": "2026-11-29T08:00:00Z"}, forbid_extra=True)

    since: Annotated[AwareDatetime, BeforeValidator(_rfc3339_text)]


Redelivery = RedeliverEvent | RedeliverSince


class RedeliveryQueued(BaseModel):
    queued: int = Field(description="Deliveries queued again (sent in outbox order)")


class TestQueued(BaseModel):
    event_type: str = Field(examples=["webhook.test"])


class Attempt(BaseModel):
    id: int
    event_id: int
    event_type: str
    webhook_id: str
    at: dt.datetime
    status_code: int | None
    duration_ms: int
    error: str | None
    outcome: Literal["delivered", "retrying", "disabled", "given_up"]
    next_retry_at: dt.datetime | None
