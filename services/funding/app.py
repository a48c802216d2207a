"""The funding service: `uvicorn --factory services.funding.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import KeyResolverFactory, create_service_app
from services.funding.api import router
from services.funding.settings import FundingSettings


def create_app(
    settings: FundingSettings | None = None, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    return create_service_app(
        name="funding",
        title="Pakt API: funding",
        description="The funding service of the Pakt API.",
        settings=settings or FundingSettings(),
        routers=[router],
        key_resolver=key_resolver,
    )
