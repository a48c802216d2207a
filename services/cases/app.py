"""The cases service: `uvicorn --factory services.cases.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI

from services.cases.api import router
from services.cases.settings import CasesSettings
from services.common.app import KeyResolverFactory, create_service_app


def create_app(
    settings: CasesSettings | None = None, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    return create_service_app(
        name="cases",
        description="The cases service of the Pakt API.",
        settings=settings or CasesSettings(),
        routers=[router],
        key_resolver=key_resolver,
    )
