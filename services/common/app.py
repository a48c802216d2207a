"""The one way a service app is assembled: middleware, problems, health, lifespan, OpenAPI."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from prometheus_client import CollectorRegistry

from services.common.auth import TokenVerifier
from services.common.db import make_engine, make_sessionmaker
from services.common.guards import RejectNulMiddleware
from services.common.health import health_router
from services.common.jwks import JWKSCache, KeyResolver
from services.common.logging import configure_logging
from services.common.middleware import (
    MetricsMiddleware,
    RequestIdMiddleware,
    UnhandledErrorMiddleware,
)
from services.common.problems import FieldError, Problem, install_problem_handlers
from services.common.settings import ServiceSettings

KeyResolverFactory = Callable[[FastAPI], KeyResolver]
StartupHook = Callable[[FastAPI], Awaitable[None]]
Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: `<tag>-<function name>`."""
    tag = str(route.tags[0]) if route.tags else "default"
    return f"{tag}-{route.name}".replace("_", "-")


def create_service_app(
    *,
    name: str,
    title: str,
    description: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    key_resolver: KeyResolverFactory | None = None,
    on_startup: Sequence[StartupHook] = (),
    version: str = "1.0.0",
) -> FastAPI:
    """A FastAPI app for service `name`, serving everything under `/{name}/`.

    The lifespan owns the engine, the sessionmaker, one httpx client and the token verifier.
    Tests pass `settings` and, instead of a remote JWKS, a `key_resolver` with their own keys.
    """
    configure_logging(settings.log_level, settings.log_json)
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=service_lifespan(name, settings, key_resolver, on_startup),
        docs_url=f"/{name}/docs",
        redoc_url=None,
        openapi_url=f"/{name}/openapi.json",
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.service_name = name
    app.state.metrics_registry = CollectorRegistry()
    install_problem_handlers(app)
    app.include_router(health_router(name))
    for router in routers:
        app.include_router(router)
    install_middleware(app)
    app.openapi = lambda: openapi_with_problems(app)  # type: ignore[method-assign]
    return app


def service_lifespan(
    name: str,
    settings: ServiceSettings,
    key_resolver: KeyResolverFactory | None,
    on_startup: Sequence[StartupHook],
) -> Lifespan:
    """Start-up and shut-down: engine, sessionmaker, http client, verifier, then the hooks."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(
            settings.async_database_url,
            app_name=f"pakt-{name}",
            pool_size=settings.db_pool_size,
            statement_timeout_ms=settings.db_statement_timeout_ms,
        )
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.http = httpx.AsyncClient(timeout=10)
        app.state.verifier = token_verifier(app, settings, key_resolver)
        try:
            for hook in on_startup:  # a failing hook still closes the engine and the client
                await hook(app)
            gc.freeze()  # start-up objects never die; keeping them out of GC scans cuts pause times
            yield
        finally:
            await app.state.http.aclose()
            await engine.dispose()

    return lifespan


def token_verifier(
    app: FastAPI, settings: ServiceSettings, key_resolver: KeyResolverFactory | None
) -> TokenVerifier:
    """The verifier over the test's keys when given, else over the remote JWKS (cached)."""
    keys = (
        key_resolver(app)
        if key_resolver
        else JWKSCache(app.state.http, settings.jwks_url, ttl=settings.jwks_ttl_seconds)
    )
    return TokenVerifier(
        keys,
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        leeway=settings.jwt_leeway_seconds,
    )


def install_middleware(app: FastAPI) -> None:
    """The middleware stack; each `add_middleware` wraps the ones added before it."""
    # outermost first: request id wraps everything so even guard rejections carry it
    app.add_middleware(UnhandledErrorMiddleware)
    app.add_middleware(RejectNulMiddleware)
    app.add_middleware(MetricsMiddleware, registry=app.state.metrics_registry)
    app.add_middleware(RequestIdMiddleware)


def openapi_with_problems(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document (built once), declaring the Problem and FieldError schemas."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault(
            "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        schemas["Problem"].pop("$defs", None)
        schemas.setdefault("FieldError", FieldError.model_json_schema())
        app.openapi_schema = schema
    return app.openapi_schema
