"""What a delivery says: the body, its `webhook-id`, and what the answer means for it."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass
from typing import Any

from services.common.webhooks.targets import Answer

DISABLED = "disabled"
PAUSED = "paused"


def message_id(service: str, event_id: int, subscription_id: uuid.UUID) -> str:
    """The same for every attempt of one event to one subscription: receivers deduplicate."""
    return f"msg_{service}_{event_id}_{subscription_id.hex}"


def body(service: str, delivery: Any) -> bytes:
    """`{type, timestamp, data}` as the spec suggests; `data` is the event as the feed has it."""
    event = {
        "id": delivery.event_id,
        "service": service,
        "type": delivery.type,
        "entity_type": delivery.entity_type,
        "entity_id": delivery.entity_id,
        "occurred_at": delivery.occurred_at.isoformat(),
        "payload": delivery.payload,
    }
    message = {"type": delivery.type, "timestamp": event["occurred_at"], "data": event}
    return json.dumps(message, separators=(",", ":"), sort_keys=True).encode()


@dataclass(frozen=True)
class Verdict:
    """A delivery's state after one attempt, and what happens to its subscription."""

    state: str  # delivered | pending | failed
    outcome: str  # delivered | retrying | disabled | given_up
    next_at: dt.datetime | None = None
    subscription: str | None = None  # DISABLED or PAUSED, or None: it stays as it is


def judge(
    answer: Answer, attempt: int, schedule: tuple[float, ...], jitter: float, now: dt.datetime
) -> Verdict:
    """2xx delivers; 410 disables the subscription; anything else retries on `schedule` (with
    jitter, so endpoints that failed together are not retried together) until it runs out,
    then the event is given up and the subscription paused."""
    status = answer.status
    if status is not None and 200 <= status < 300 and answer.error is None:
        return Verdict("delivered", "delivered")
    if status == 410:
        return Verdict("failed", "disabled", subscription=DISABLED)
    if attempt > len(schedule):
        return Verdict("failed", "given_up", subscription=PAUSED)
    wait = schedule[attempt - 1] * (1 + random.uniform(-jitter, jitter))  # noqa: S311
    return Verdict("pending", "retrying", now + dt.timedelta(seconds=wait))
