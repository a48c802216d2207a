"""`/{service}/v1/webhook-subscriptions`: the router each service mounts (`webhook_router`).

The organization's org_admin, or one of its API clients holding `webhooks:manage`, manages the
organization's subscriptions (services.common.policy); other organizations' are 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.encoders import jsonable_encoder
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.caller import AnyCaller, Caller
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.idempotency import IdempotencyDep
from services.common.outbox import AudienceRule
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses
from services.common.routes import creates, queues
from services.common.webhooks import service
from services.common.webhooks.schemas import (
    Attempt,
    Redelivery,
    RedeliveryQueued,
    SecretRotated,
    SecretRotation,
    SubscriptionChange,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionRead,
    TestQueued,
)

TAG = "webhook-subscriptions"
NO_STORE = {"Cache-Control": "no-store"}
SubscriptionId = Annotated[uuid.UUID, Path(description="Id of the webhook subscription")]


def _development(request: Request) -> bool:
    return str(request.app.state.settings.environment) == "development"


@dataclass(frozen=True)
class Subscription:
    """The subscription in the path and the caller (with the request's session and response);
    the service answers 404 for another organization's."""

    subscription_id: uuid.UUID
    caller: Caller

    @property
    def key(self) -> tuple[AsyncSession, Principal, uuid.UUID]:
        """What the service's functions on one subscription start with."""
        return self.caller.session, self.caller.who, self.subscription_id

    async def saved(self, row: Any) -> None:
        """Commits the change, its version as the ETag."""
        await self.caller.session.commit()
        set_etag(self.caller.response, row.version)


def _subscription(subscription_id: SubscriptionId, caller: AnyCaller) -> Subscription:
    return Subscription(subscription_id, caller)


ThisSubscription = Annotated[Subscription, Depends(_subscription)]


def webhook_router(name: str, audience_for: AudienceRule) -> APIRouter:
    """The subscription operations of service `name`; `audience_for` is its events feed's rule."""
    router = APIRouter(tags=[TAG])
    base = f"/{name}/v1/webhook-subscriptions"
    _collection_routes(router, base, audience_for)
    _change_routes(router, base + "/{subscription_id}")
    _action_routes(router, name, base + "/{subscription_id}")
    return router


def _collection_routes(router: APIRouter, base: str, audience_for: AudienceRule) -> None:
    @router.get(
        base, responses=problem_responses(400, 401, 403, 422), summary="List webhook subscriptions"
    )
    async def list_webhook_subscriptions(caller: AnyCaller, page: Paged) -> Page[SubscriptionRead]:
        return page.send(await service.listing(*caller.key, page.params))

    @router.post(
        base,
        **creates(400, 401, 403, 409, 422, model=SubscriptionCreated),
        summary="Subscribe an endpoint to events",
        description="Deliveries of this service's events that your organization may "
        "see on the events feed, signed per the Standard Webhooks specification. The response "
        "shows the signing `secret` once. Accepts `Idempotency-Key`.",
    )
    async def create_webhook_subscription(
        request: Request, caller: AnyCaller, body: SubscriptionCreate, idem: IdempotencyDep
    ) -> Any:
        session, who = caller.key
        if (replay := await idem.claim(session, who)) is not None:
            return replay
        out = await service.create(session, who, audience_for, body, _development(request))
        headers = {"Location": f"{base}/{out.id}", "ETag": '"1"', **NO_STORE}
        await idem.remember(session, 201, jsonable_encoder(out), headers)
        await session.commit()
        caller.response.headers.update(headers)
        return out

    @router.get(
        base + "/{subscription_id}",
        responses=problem_responses(401, 403, 404, 422),
        summary="Read a webhook subscription",
    )
    async def read_webhook_subscription(sub: ThisSubscription) -> SubscriptionRead:
        row = await service.get(*sub.key)
        set_etag(sub.caller.response, row.version)
        return service.read_model(row)


def _change_routes(router: APIRouter, one: str) -> None:
    @router.patch(
        one,
        responses=problem_responses(401, 403, 404, 412, 422, 428),
        summary="Pause, resume or change a webhook subscription",
        description="`state: paused` stops deliveries (events queue up and follow on resume); "
        "`state: active` resumes a paused or disabled subscription. Send If-Match.",
    )
    async def change_webhook_subscription(
        request: Request,
        sub: ThisSubscription,
        body: SubscriptionChange,
        if_match: IfMatchHeader = None,
    ) -> SubscriptionRead:
        row = await service.change(*sub.key, body, if_match, _development(request))
        await sub.saved(row)
        return service.read_model(row)

    @router.delete(
        one,
        status_code=204,
        responses=problem_responses(401, 403, 404, 412, 428),
        summary="Delete a webhook subscription",
        description="Ends deliveries and drops the delivery log. Send If-Match.",
    )
    async def delete_webhook_subscription(
        sub: ThisSubscription, if_match: IfMatchHeader = None
    ) -> Response:
        await service.delete(*sub.key, if_match)
        await sub.caller.session.commit()
        return Response(status_code=204)

    @router.post(
        one + "/secret-rotations",
        responses=problem_responses(401, 403, 404, 422),
        summary="Rotate the signing secret",
        description="A new secret signs from now on; the old one signs too until "
        "`previous_secret_valid_until`, so receivers can switch without losing a delivery.",
    )
    async def rotate_webhook_secret(sub: ThisSubscription, body: SecretRotation) -> SecretRotated:
        row, out = await service.rotate(*sub.key, body.overlap_seconds)
        await sub.saved(row)
        sub.caller.response.headers.update(NO_STORE)
        return out


def _action_routes(router: APIRouter, name: str, one: str) -> None:
    @router.post(
        one + "/test",
        **queues(401, 403, 404, 422),
        summary="Send a test event",
        description="Queues a `webhook.test` event for this subscription only; it follows the "
        "events before it (and waits while the subscription is paused).",
    )
    async def send_webhook_test(sub: ThisSubscription) -> TestQueued:
        await service.send_test(*sub.key)
        await sub.caller.session.commit()
        return TestQueued(event_type="webhook.test")

    @router.get(
        one + "/attempts",
        responses=problem_responses(400, 401, 403, 404, 422),
        summary="Read the delivery log",
        description="Every attempt, newest first: time, status, duration, the next retry.",
    )
    async def list_webhook_attempts(sub: ThisSubscription, page: Paged) -> Page[Attempt]:
        session, who, subscription_id = sub.key
        return page.send(await service.attempts(session, who, name, subscription_id, page.params))

    @router.post(
        one + "/redeliveries",
        **queues(401, 403, 404, 422),
        summary="Deliver events again",
        description="One event (`event_id`) or every delivery made since `since`, again, in "
        "outbox order and with their original `webhook-id`s.",
    )
    async def redeliver_webhook_events(sub: ThisSubscription, body: Redelivery) -> RedeliveryQueued:
        queued = await service.redeliver(*sub.key, body)
        await sub.caller.session.commit()
        return RedeliveryQueued(queued=queued)
