"""`/{service}/v1/webhook-subscriptions`: the router each service mounts (`webhook_router`).

The organization's org_admin, or one of its API clients holding `webhooks:manage`, manages the
organization's subscriptions (services.common.policy); other organizations' are 404.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.encoders import jsonable_encoder

from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.outbox import AudienceRule
from services.common.pagination import Page, PageParams, page_params, set_link_header
from services.common.problems import problem_responses
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
Pages = Annotated[PageParams, Depends(page_params)]


def _development(request: Request) -> bool:
    return str(request.app.state.settings.environment) == "development"


def webhook_router(name: str, audience_for: AudienceRule) -> APIRouter:
    """The subscription operations of service `name`; `audience_for` is its events feed's rule."""
    router = APIRouter(tags=[TAG])
    base = f"/{name}/v1/webhook-subscriptions"
    _collection_routes(router, base, audience_for)
    _change_routes(router, base + "/{subscription_id}")
    _action_routes(router, name, base + "/{subscription_id}")
    return router


def _collection_routes(router: APIRouter, base: str, audience_for: AudienceRule) -> None:
    one = base + "/{subscription_id}"

    @router.get(
        base, responses=problem_responses(400, 401, 403, 422), summary="List webhook subscriptions"
    )
    async def list_webhook_subscriptions(
        request: Request,
        response: Response,
        session: SessionDep,
        who: CurrentPrincipal,
        page: Pages,
    ) -> Page[SubscriptionRead]:
        out = await service.listing(session, who, page)
        set_link_header(request, response, out.next_cursor)
        return out

    @router.post(
        base,
        status_code=201,
        response_model=SubscriptionCreated,
        responses=problem_responses(400, 401, 403, 409, 422),
        summary="Subscribe an endpoint to events",
        description="Deliveries of this service's events that your organization may "
        "see on the events feed, signed per the Standard Webhooks specification. The response "
        "shows the signing `secret` once. Accepts `Idempotency-Key`.",
    )
    async def create_webhook_subscription(
        request: Request, response: Response, session: SessionDep, who: CurrentPrincipal,
        body: SubscriptionCreate, idem: IdempotencyDep,
    ) -> Any:  # fmt: skip
        if (replay := await idem.claim(session, who)) is not None:
            return replay
        out = await service.create(session, who, audience_for, body, _development(request))
        headers = {"Location": f"{base}/{out.id}", "ETag": '"1"', **NO_STORE}
        await idem.remember(session, 201, jsonable_encoder(out), headers)
        await session.commit()
        response.headers.update(headers)
        return out

    @router.get(
        one, responses=problem_responses(401, 403, 404, 422), summary="Read a webhook subscription"
    )
    async def read_webhook_subscription(
        response: Response,
        session: SessionDep,
        who: CurrentPrincipal,
        subscription_id: SubscriptionId,
    ) -> SubscriptionRead:
        row = await service.get(session, who, subscription_id)
        set_etag(response, row.version)
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
        request: Request, response: Response, session: SessionDep, who: CurrentPrincipal,
        subscription_id: SubscriptionId, body: SubscriptionChange, if_match: IfMatchHeader = None,
    ) -> SubscriptionRead:  # fmt: skip
        development = _development(request)
        row = await service.change(session, who, subscription_id, body, if_match, development)
        await session.commit()
        set_etag(response, row.version)
        return service.read_model(row)

    @router.delete(
        one,
        status_code=204,
        responses=problem_responses(401, 403, 404, 412, 428),
        summary="Delete a webhook subscription",
        description="Ends deliveries and drops the delivery log. Send If-Match.",
    )
    async def delete_webhook_subscription(
        session: SessionDep, who: CurrentPrincipal, subscription_id: SubscriptionId,
        if_match: IfMatchHeader = None,
    ) -> Response:  # fmt: skip
        await service.delete(session, who, subscription_id, if_match)
        await session.commit()
        return Response(status_code=204)

    @router.post(
        one + "/secret-rotations",
        responses=problem_responses(401, 403, 404, 422),
        summary="Rotate the signing secret",
        description="A new secret signs from now on; the old one signs too until "
        "`previous_secret_valid_until`, so receivers can switch without losing a delivery.",
    )
    async def rotate_webhook_secret(
        response: Response, session: SessionDep, who: CurrentPrincipal,
        subscription_id: SubscriptionId, body: SecretRotation,
    ) -> SecretRotated:  # fmt: skip
        row, out = await service.rotate(session, who, subscription_id, body.overlap_seconds)
        await session.commit()
        set_etag(response, row.version)
        response.headers.update(NO_STORE)
        return out


def _action_routes(router: APIRouter, name: str, one: str) -> None:
    @router.post(
        one + "/test",
        status_code=202,
        responses=problem_responses(401, 403, 404, 422),
        summary="Send a test event",
        description="Queues a `webhook.test` event for this subscription only; it follows the "
        "events before it (and waits while the subscription is paused).",
    )
    async def send_webhook_test(
        session: SessionDep, who: CurrentPrincipal, subscription_id: SubscriptionId
    ) -> TestQueued:
        await service.send_test(session, who, subscription_id)
        await session.commit()
        return TestQueued(event_type="webhook.test")

    @router.get(
        one + "/attempts",
        responses=problem_responses(400, 401, 403, 404, 422),
        summary="Read the delivery log",
        description="Every attempt, newest first: time, status, duration, the next retry.",
    )
    async def list_webhook_attempts(
        request: Request, response: Response, session: SessionDep, who: CurrentPrincipal,
        subscription_id: SubscriptionId, page: Pages,
    ) -> Page[Attempt]:  # fmt: skip
        out = await service.attempts(session, who, name, subscription_id, page)
        set_link_header(request, response, out.next_cursor)
        return out

    @router.post(
        one + "/redeliveries",
        status_code=202,
        responses=problem_responses(401, 403, 404, 422),
        summary="Deliver events again",
        description="One event (`event_id`) or every delivery made since `since`, again, in "
        "outbox order and with their original `webhook-id`s.",
    )
    async def redeliver_webhook_events(
        session: SessionDep, who: CurrentPrincipal, subscription_id: SubscriptionId,
        body: Redelivery,
    ) -> RedeliveryQueued:  # fmt: skip
        queued = await service.redeliver(session, who, subscription_id, body)
        await session.commit()
        return RedeliveryQueued(queued=queued)
