"""The auth service: `uvicorn --factory services.auth.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.api import router
from services.auth.keys import KeyRing, ensure_signing_key
from services.auth.revocations import revocation_page, token_lifetime
from services.auth.security import Passwords
from services.auth.settings import AuthSettings
from services.auth.tokens.issuance import TokenIssuer
from services.common.app import KeyResolverFactory, create_service_app
from services.common.db import make_sessionmaker
from services.common.jwks import KeyResolver
from services.common.pagination import Page
from services.common.revocation import PAGE_LIMIT, PageSource, Revocation

DESCRIPTION = """\
Identity provider and organizations directory of the Pakt API.

* **Logins**: OpenID Connect for frontends: the login page `/auth/v1/authorize`
  (authorization code with PKCE, optional TOTP second factor), ID tokens, `/auth/v1/userinfo`,
  logout at `/auth/v1/logout`; discovery at `/auth/.well-known/openid-configuration`.
* **Tokens**: OAuth2 (`POST /auth/v1/token`, form-encoded) with the grants
  `authorization_code`, `refresh_token`, `client_credentials` and, in development only,
  `password`; RS256 access tokens (15 minutes) whose keys are published at
  `/auth/.well-known/jwks.json`; opaque, single-use refresh tokens.
* **Directory**: the state, the 4 Regierungsbezirke, the 44 districts, municipalities, consortia,
  charities and the ministry, keyed by the Amtlicher Gemeindeschlüssel.
* **Users and API clients**: managed by admins, or by an organization's `org_admin` for its own
  organization.
* **Revocation**: deactivating a user or client, or revoking a refresh token, makes the access
  tokens issued until then fail in every service within seconds (`GET /auth/v1/revocations`).
"""


def _keyring(app: FastAPI) -> KeyRing:
    keyring: KeyRing = app.state.keyring
    return keyring


def create_app(
    settings: AuthSettings | None = None, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    """The auth app; without `key_resolver` it verifies tokens with its own keys."""
    settings = settings or AuthSettings()

    def own_keys(app: FastAPI) -> KeyResolver:
        def sessions() -> AsyncSession:
            maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
            return maker()

        keyring = KeyRing(settings, sessions)
        app.state.keyring = keyring
        return keyring

    async def start(app: FastAPI) -> None:
        if not hasattr(app.state, "keyring"):  # a test injected another key resolver
            own_keys(app)
        async with app.state.sessionmaker() as session:
            await ensure_signing_key(session, settings)
            await session.commit()
            await _keyring(app).signing_key(session)  # fail fast on a wrong AUTH_KEY_ENCRYPTION_KEY
        app.state.issuer = TokenIssuer(settings, _keyring(app), Passwords(settings))

    def own_revocations(app: FastAPI) -> PageSource:
        # its own sessions on the engine, never the app's (tests bind that one to their transaction)
        maker = make_sessionmaker(app.state.engine)
        lifetime = token_lifetime(settings)

        async def page(cursor: str | None) -> Page[Revocation]:
            async with maker() as session:
                return await revocation_page(session, cursor, PAGE_LIMIT, lifetime)

        return page

    return create_service_app(
        name="auth",
        description=DESCRIPTION,
        settings=settings,
        routers=[router],
        key_resolver=key_resolver or own_keys,
        on_startup=[start],
        revocations=own_revocations,
    )
