"""A service's routes in one router: its own modules', then its events feed and webhooks.

The feed and the webhook subscriptions get the same `AudienceRule`, so what a caller reads on
the feed and what its webhooks deliver can never differ (CONVENTIONS.md, "who sees which event").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from fastapi import APIRouter
from fastapi.routing import APIRoute

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
        add_routes(router, module.router)
    add_routes(router, events_router(name, audience_for))
    add_routes(router, webhook_router(name, audience_for))
    return router


def add_routes(target: APIRouter, source: APIRouter) -> None:
    """`source`'s routes as `target`'s own, with `target`'s dependencies (the policy) first.

    `include_router` keeps `source` as a node that FastAPI (0.165) matches twice per request
    and per level, recomputing the routers' versions each time: a fifth of a case GET's Python
    time (make bench, issue 16). Re-adding the routes keeps what including them declared (an
    `APIRouter`'s tags, dependencies and responses are already part of each of its routes;
    the operation id is still made by the app's function).
    """
    for route in source.routes:
        if not isinstance(route, APIRoute):
            raise TypeError(f"{route!r}: only API routes can be added (include the router instead)")
        target.add_api_route(
            route.path,
            route.endpoint,
            response_model=route.response_model,
            status_code=route.status_code,
            tags=list(route.tags),
            dependencies=list(route.dependencies),
            summary=route.summary,
            description=route.description,
            response_description=route.response_description,
            responses=dict(route.responses),
            deprecated=route.deprecated,
            methods=set(route.methods or ()),
            operation_id=route.operation_id,
            response_model_include=route.response_model_include,
            response_model_exclude=route.response_model_exclude,
            response_model_by_alias=route.response_model_by_alias,
            response_model_exclude_unset=route.response_model_exclude_unset,
            response_model_exclude_defaults=route.response_model_exclude_defaults,
            response_model_exclude_none=route.response_model_exclude_none,
            include_in_schema=route.include_in_schema,
            response_class=route.response_class,
            name=route.name,
            callbacks=route.callbacks,
            openapi_extra=route.openapi_extra,
            generate_unique_id_function=route.generate_unique_id_function,
            route_class_override=type(route),  # e.g. auth's token route answers OAuth errors
        )
