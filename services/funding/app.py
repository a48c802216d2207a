"""The funding service: `uvicorn --factory services.funding.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI

from services.common.app import KeyResolverFactory, create_service_app
from services.funding.api import router
from services.funding.clients.auth_token import ClientCredentials
from services.funding.settings import FundingSettings

DESCRIPTION = """The money side of the Pakt für Integration: programmes and their budgets, planning
frames per municipality, consortia, applications routed Kommune → Landratsamt →
Regierungspräsidium, single and batch decisions with decision notices, and proofs of use."""


def create_app(
    settings: FundingSettings | None = None, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    settings = settings or FundingSettings()

    async def client_token(app: FastAPI) -> None:
        app.state.client_token = ClientCredentials(
            lambda: app.state.http,
            settings.auth_token_url,
            settings.client_id,
            settings.client_secret.get_secret_value(),
        )

    return create_service_app(
        name="funding",
        description=DESCRIPTION,
        settings=settings,
        routers=[router],
        key_resolver=key_resolver,
        on_startup=[client_token],
    )
