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
from services.common.concurrency import NotModifiedMiddleware
from services.common.db import make_engine, make_sessionmaker
from services.common.demo import DEMO_SECRET_SEED, demo_secret
from services.common.health import health_router
from services.common.jwks import JWKSCache, KeyResolver
from services.common.logging import configure_logging
from services.common.middleware import PlatformMiddleware
from services.common.problem_handlers import install_problem_handlers
from services.common.problems import FieldError, Problem
from services.common.revocation import (
    REVOCATIONS_SCOPE,
    HttpRevocations,
    PageSource,
    RevocationFollower,
    RevocationList,
)
from services.common.settings import FollowsAuthSettings, ServiceSettings

KeyResolverFactory = Callable[[FastAPI], KeyResolver]
RevocationSourceFactory = Callable[[FastAPI], PageSource]
StartupHook = Callable[[FastAPI], Awaitable[None]]
Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the handler's function name (`create_application`).

    Generators name their functions after the operation id and group them by tag
    (openapi-python-client: `api/applications/create_application.py`), so the tag must not be
    part of the id too (`applications_create_application`). Ids shared by several services
    (`list_events`) get the service's name as prefix in the merged contract.
    """
    return route.name


def create_service_app(
    *,
    name: str,
    title: str | None = None,
    description: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    key_resolver: KeyResolverFactory | None = None,
    on_startup: Sequence[StartupHook] = (),
    version: str = "1.0.0",
    revocations: RevocationSourceFactory | None = None,
) -> FastAPI:
    """A FastAPI app for service `name`, serving everything under `/{name}/`, titled
    `Pakt API: <name>` unless `title` says otherwise.

    The lifespan owns the engine, the sessionmaker, one httpx client and the token verifier.
    Tests pass `settings` and, instead of a remote JWKS, a `key_resolver` with their own keys.
    `revocations` is where the revocation list comes from (auth: its own database); by default
    auth's `GET /auth/v1/revocations`, and nothing at all for apps on a test's `key_resolver`.
    """
    configure_logging(settings.log_level, settings.log_json)
    app = FastAPI(
        title=title or f"Pakt API: {name}",
        description=description,
        version=version,
        lifespan=service_lifespan(name, settings, key_resolver, on_startup, revocations),
        docs_url=f"/{name}/docs",
        redoc_url=None,
        openapi_url=f"/{name}/openapi.json",
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.service_name = name
    app.state.metrics_registry = CollectorRegistry()
    install_problem_handlers(app)
    # the health routes on the app itself, not as an included router: FastAPI matches an
    # included router's routes once to pick the router and again inside it, and probes and load
    # balancers call these the most (issue 16: /healthz against bare FastAPI)
    app.router.routes.extend(health_router(name).routes)
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
    revocations: RevocationSourceFactory | None = None,
) -> Lifespan:
    """Start-up and shut-down: engine, sessionmaker, http client, verifier, the hooks, then the
    revocation list (loaded before the app takes requests, followed until shut-down)."""

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
            async with following_revocations(app, name, settings, key_resolver, revocations):
                gc.freeze()  # start-up objects never die; out of GC scans they cut pause times
                yield
        finally:
            await app.state.http.aclose()
            await engine.dispose()

    return lifespan


@asynccontextmanager
async def following_revocations(
    app: FastAPI,
    name: str,
    settings: ServiceSettings,
    key_resolver: KeyResolverFactory | None,
    revocations: RevocationSourceFactory | None,
) -> AsyncIterator[None]:
    """`app.state.revocations`, loaded from auth (start-up waits for it), then kept current.

    Apps on a test's own keys (`key_resolver`, no `revocations`) have no auth to follow: their
    list is empty. Everyone else follows auth every `revocation_poll_seconds`.
    """
    if revocations is None and key_resolver is not None:
        app.state.revocations = RevocationList(loaded=True)
        yield
        return
    if revocations is not None:
        source = revocations(app)
    elif isinstance(settings, FollowsAuthSettings):
        source = remote_revocations(app, name, settings)
    else:
        raise TypeError(f"{name} has no revocation list to follow: give it FollowsAuthSettings")
    follower = RevocationFollower(source, settings.revocation_poll_seconds)
    app.state.revocation_follower = follower
    app.state.revocations = follower.revocations
    async with follower.running(settings.revocation_startup_timeout_seconds):
        yield


def remote_revocations(app: FastAPI, name: str, settings: FollowsAuthSettings) -> PageSource:
    """Auth's revocation list over HTTP, as this service's API client; in development without
    a configured secret, with the demo secret `pakt seed` gives that client."""
    client_id = settings.client_id
    secret = settings.client_secret.get_secret_value()
    if not secret:
        if settings.environment != "development":
            raise RuntimeError(
                f"Set {name.upper()}_CLIENT_SECRET: the secret of API client "
                f"{client_id} (scope {REVOCATIONS_SCOPE}) at auth"
            )
        secret = demo_secret(DEMO_SECRET_SEED, client_id)
    return HttpRevocations(lambda: app.state.http, settings.auth_url, client_id, secret)


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
    """The middleware: one pure ASGI layer around the app (issue 16).

    Request id, access log, metrics, input guard and unexpected errors are `PlatformMiddleware`;
    If-None-Match (`NotModifiedMiddleware`) sits inside it, so the log and the metrics see the
    304, and only requests carrying that header pass through it.
    """
    app.add_middleware(
        PlatformMiddleware,
        registry=app.state.metrics_registry,
        conditional=NotModifiedMiddleware,
    )


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
        for name, sub in schemas["Problem"].pop("$defs", {}).items():
            schemas.setdefault(name, sub)  # FieldError, LineError, ImportSummary
        schemas.setdefault("FieldError", FieldError.model_json_schema())
        app.openapi_schema = schema
    return app.openapi_schema
