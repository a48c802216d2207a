"""A service's routes in one router: its own modules', then its events feed and webhooks.

The feed and the webhook subscriptions get the same `AudienceRule`, so what a caller reads on
the feed and what its webhooks deliver can never differ (CONVENTIONS.md, "who sees which event").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from fastapi import APIRouter

from services.common.outbox import AudienceRule, events_router
from services.common.webhooks.api import webhook_router


class RouteModule(Protocol):
    """A module of a service's API: it holds one `router`."""

    router: APIRouter


def service_routes(
    name: str, audience_for: AudienceRule, modules: Sequence[RouteModule], policy: Any
) -> APIRouter:
    """The routes of service `name`: `modules`' routers in order, then the events feed and the
    webhook subscriptions scoped by `audience_for`; `policy` (services.common.policy) guards
    every route."""
    router = APIRouter(dependencies=[policy])
    for module in modules:
        router.include_router(module.router)
    router.include_router(events_router(name, audience_for))
    router.include_router(webhook_router(name, audience_for))
    return router
