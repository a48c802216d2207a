"""The auth service: `uvicorn --factory services.auth.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI

from services.auth.api import router
from services.auth.settings import AuthSettings
from services.common.app import KeyResolverFactory, create_service_app


def create_app(settings: AuthSettings | None = None, key_resolver: KeyResolverFactory | None = None) -> FastAPI:
    return create_service_app(
        name="auth",
        title="Pakt API: auth",
        description="The auth service of the Pakt API.",
        settings=settings or AuthSettings(),
        routers=[router],
        key_resolver=key_resolver,
    )
