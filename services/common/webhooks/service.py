"""What a subscriber can do with its subscriptions; each change is audited and announced on
the organization's events feed (`webhook_subscription.*`), in the caller's transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.keyset import BY_CREATED, created_key
from services.common.outbox import AudienceRule, emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts
from services.common.problems import InvalidInput, NotFound
from services.common.webhooks import messages, store
from services.common.webhooks.schemas import (
    Attempt,
    RedeliverEvent,
    RedeliverSince,
    Redelivery,
    SecretRotated,
    SubscriptionChange,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionRead,
)
from services.common.webhooks.signing import new_secret
from services.common.webhooks.targets import url_problem

ENTITY = "webhook_subscription"
WORKER = "worker:webhooks"


class SubscriptionNotFound(
    NotFound, slug="webhook-subscription-not-found", title="Not found", title_de="Nicht gefunden"
):
    """No webhook subscription with this id in the caller's organization, or the event to redeliver
    never went to it."""


class EndpointRefused(
    InvalidInput,
    slug="webhook-endpoint-refused",
    title="Endpoint refused",
    title_de="Endpunkt abgelehnt",
):
    """The webhook endpoint URL is not acceptable (not https, has credentials or a fragment, too
    long, or not parseable); the detail says why."""


def read_model(row: Row[Any]) -> SubscriptionRead:
    until = row.previous_secret_until if row.previous_secret else None
    return SubscriptionRead.model_validate(
        {**row._mapping, "event_types": list(row.event_types), "previous_secret_valid_until": until}
    )


async def _announce(
    session: AsyncSession, who: Principal | str, action: str, row: Row[Any], **details: Any
) -> None:
    payload = {"subscription_id": str(row.id), **details}
    await record_audit(session, who, f"{ENTITY}.{action}", ENTITY, row.id, payload)
    await emit(session, f"{ENTITY}.{action}", ENTITY, row.id, [row.organization_id], payload)


def _check_url(url: str, development: bool) -> None:
    if (problem := url_problem(url, development=development)) is not None:
        raise EndpointRefused(problem)


async def create(
    session: AsyncSession,
    who: Principal,
    audience_for: AudienceRule,
    body: SubscriptionCreate,
    development: bool,
) -> SubscriptionCreated:
    _check_url(body.url, development)
    values = {
        "id": uuid.uuid4(),
        "organization_id": who.org,
        "audience": audience_for(who),  # the feed's rule, so webhooks carry what the feed shows
        "url": body.url,
        "event_types": sorted(set(body.event_types)),
        "description": body.description,
        "secret": new_secret(),
        "after_tx": await store.horizon(session) - 1,
        "after_id": 2**63 - 1,
    }
    row = await store.insert_subscription(session, values)
    await _announce(session, who, "created", row, event_types=values["event_types"])
    return SubscriptionCreated(**read_model(row).model_dump(), secret=row.secret)


async def get(
    session: AsyncSession, who: Principal, sub_id: uuid.UUID, *, lock: bool = False
) -> Row[Any]:
    row = await store.find(session, sub_id, who.org, lock=lock)
    if row is None:
        raise SubscriptionNotFound(
            texts(
                "No webhook subscription with this id in your organization",
                "Kein Webhook-Abonnement mit dieser ID in Ihrer Organisation",
            )
        )
    return row


async def listing(
    session: AsyncSession, who: Principal, page: PageParams
) -> Page[SubscriptionRead]:
    rows = await store.page(session, who.org, cursor_after(page.cursor, *BY_CREATED), page.limit)
    return make_page(rows, page.limit, created_key, read_model)


async def change(
    session: AsyncSession,
    who: Principal,
    sub_id: uuid.UUID,
    body: SubscriptionChange,
    if_match: str | None,
    development: bool,
) -> Row[Any]:
    row = await get(session, who, sub_id, lock=True)
    check_if_match(if_match, row.version)
    values = body.model_dump(exclude_unset=True, exclude_none=True)
    if "url" in values:
        _check_url(values["url"], development)
    if "event_types" in values:
        values["event_types"] = sorted(set(values["event_types"]))
    if "state" in values:
        values["state_reason"] = None if values["state"] == "active" else "Paused by the subscriber"
    row = await store.change(session, sub_id, values)
    await _announce(session, who, "changed", row, fields=sorted(values))
    return row


async def delete(
    session: AsyncSession, who: Principal, sub_id: uuid.UUID, if_match: str | None
) -> None:
    row = await get(session, who, sub_id, lock=True)
    check_if_match(if_match, row.version)
    await store.remove(session, sub_id)
    await _announce(session, who, "deleted", row)


async def rotate(
    session: AsyncSession, who: Principal, sub_id: uuid.UUID, overlap_seconds: int
) -> tuple[Row[Any], SecretRotated]:
    row = await get(session, who, sub_id, lock=True)
    until = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=overlap_seconds)
    values = {"secret": new_secret(), "previous_secret": row.secret, "previous_secret_until": until}
    row = await store.change(session, sub_id, values)
    await _announce(session, who, "secret_rotated", row, previous_valid_until=until.isoformat())
    return row, SecretRotated(secret=row.secret, previous_secret_valid_until=until)


async def send_test(session: AsyncSession, who: Principal, sub_id: uuid.UUID) -> None:
    """A `webhook.test` event on the outbox, for this subscription only (it is on the feed too)."""
    row = await get(session, who, sub_id)
    payload = {"subscription_id": str(row.id)}
    await emit(session, store.TEST_EVENT, ENTITY, row.id, [row.organization_id], payload)


async def redeliver(
    session: AsyncSession, who: Principal, sub_id: uuid.UUID, body: Redelivery
) -> int:
    row = await get(session, who, sub_id)
    event_id = body.event_id if isinstance(body, RedeliverEvent) else None
    since = body.since if isinstance(body, RedeliverSince) else None
    queued = await store.repend(session, row.id, event_id, since)
    if isinstance(body, RedeliverEvent) and queued == 0:
        raise SubscriptionNotFound(
            texts(
                f"Event {body.event_id} was never delivered to this subscription (or is queued "
                "now)",
                f"Das Ereignis {body.event_id} wurde diesem Abonnement nie zugestellt (oder steht "
                "gerade in der Warteschlange)",
            )
        )
    await record_audit(session, who, f"{ENTITY}.redelivery", ENTITY, row.id, {"queued": queued})
    return queued


async def attempts(
    session: AsyncSession, who: Principal, service: str, sub_id: uuid.UUID, page: PageParams
) -> Page[Attempt]:
    row = await get(session, who, sub_id)
    rows = await store.attempts(session, row.id, cursor_after(page.cursor, int), page.limit)

    def attempt(r: Row[Any]) -> Attempt:
        webhook_id = messages.message_id(service, r.event_id, row.id)
        return Attempt.model_validate({**r._mapping, "webhook_id": webhook_id})

    return make_page(rows, page.limit, lambda r: (r.id,), attempt)


async def set_state(
    session: AsyncSession, row: Row[Any], state: str, reason: str, event_id: int
) -> None:
    """The worker's change: disabled after a 410, paused after an event was given up."""
    changed = await store.change(session, row.id, {"state": state, "state_reason": reason})
    await _announce(session, WORKER, state, changed, reason=reason, event_id=event_id)
