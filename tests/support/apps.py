"""Running a service app in-process against a real, migrated PostgreSQL database.

Per test, everything the app does runs inside one outer transaction that is rolled back
at the end; the handlers' commits release savepoints, so the commit path still runs.
Tests that need real parallel transactions use an isolated database instead.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cli.postgres import Server, drop_database, ensure_database, find_server
from services.common.jwks import StaticKeys
from services.common.migrate import upgrade
from tests.support.tokens import TokenFactory


@dataclass
class ServiceUnderTest:
    app: FastAPI
    client: httpx.AsyncClient
    tokens: TokenFactory

    def session(self) -> AsyncSession:
        """A session inside the test's transaction, for arranging and checking data."""
        maker: async_sessionmaker[AsyncSession] = self.app.state.sessionmaker
        return maker()


def _in_thread(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run blocking set-up (which calls asyncio.run itself) off the test's event loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args, **kwargs).result()


@contextmanager
def unmigrated_database(prefix: str) -> Iterator[str]:
    """The URL of a new database that was never migrated, dropped afterwards."""
    server = find_server()
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    ensure_database(server, name)
    try:
        yield server.database_url(name)
    finally:
        drop_database(server, name)


class Databases:
    """Migrated databases for the test session, one per service, made on first use."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self._made: dict[str, str] = {}
        self._extra: list[str] = []

    def template(self, service: str) -> str:
        if service not in self._made:
            name = f"pakt_test_{service}_{uuid.uuid4().hex[:8]}"
            _in_thread(ensure_database, self.server, name)
            _in_thread(upgrade, service, self.server.database_url(name))
            self._made[service] = name
        return self._made[service]

    def url(self, service: str) -> str:
        return self.server.database_url(self.template(service))

    def isolated_url(self, service: str) -> str:
        """A fresh copy of the migrated database, for tests with parallel transactions."""
        name = f"{self.template(service)}_iso_{uuid.uuid4().hex[:6]}"
        _in_thread(ensure_database, self.server, name, template=self._made[service])
        self._extra.append(name)
        return self.server.database_url(name)

    def drop_isolated(self) -> None:
        while self._extra:
            _in_thread(drop_database, self.server, self._extra.pop())

    def drop_all(self) -> None:
        self.drop_isolated()
        for name in self._made.values():
            _in_thread(drop_database, self.server, name)


@asynccontextmanager
async def running_service(
    create_app: Callable[..., FastAPI],
    settings: Any,
    tokens: TokenFactory,
    *,
    isolated: bool = False,
) -> AsyncIterator[ServiceUnderTest]:
    app = create_app(settings=settings, key_resolver=lambda _app: StaticKeys(tokens.jwks))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        base = "http://testserver"
        if isolated:
            async with httpx.AsyncClient(transport=transport, base_url=base) as client:
                yield ServiceUnderTest(app, client, tokens)
            return
        async with app.state.engine.connect() as conn:
            outer = await conn.begin()
            app.state.sessionmaker = async_sessionmaker(
                bind=conn,
                class_=AsyncSession,
                expire_on_commit=False,
                autoflush=False,
                join_transaction_mode="create_savepoint",
            )
            try:
                async with httpx.AsyncClient(transport=transport, base_url=base) as client:
                    yield ServiceUnderTest(app, client, tokens)
            finally:
                await outer.rollback()
