"""Engine, sessions and the shared naming convention; one request, one session."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import MetaData, event, make_url
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.util import greenlet_spawn
from sqlmodel.ext.asyncio.session import AsyncSession

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> MetaData:
    """Each service owns one MetaData (its own database, its own alembic history)."""
    return MetaData(naming_convention=NAMING_CONVENTION)


def _is_loopback(url: str) -> bool:
    host = make_url(url).host or ""
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("/")


CONNECT_TIMEOUT_SECONDS = 5  # a database host that does not answer: 503 soon, not after 60 s
POOL_TIMEOUT_SECONDS = 10  # waiting longer for a pooled connection helps nobody
SUSPECT_SECONDS = 30.0  # after a lost connection, ping pooled connections this long


def make_engine(
    url: str, *, app_name: str, pool_size: int = 20, statement_timeout_ms: int = 15_000
) -> AsyncEngine:
    extra: dict[str, object] = {}
    if _is_loopback(url) and "ssl" not in url:
        extra["ssl"] = False  # asyncpg would try TLS first on every new connection
    engine = create_async_engine(
        url,
        # a steady pool: overflow connections are closed on return, and under load that
        # churn (connect + re-prepare) cost more than waiting briefly for a pooled one
        pool_size=pool_size,
        max_overflow=max(2, pool_size // 4),
        pool_timeout=POOL_TIMEOUT_SECONDS,
        # a ping per checkout costs a round trip (make bench); watch_connections replaces dead
        # pooled connections for free and pings only for a while after a connection was lost
        pool_pre_ping=False,
        connect_args={
            **extra,
            "timeout": CONNECT_TIMEOUT_SECONDS,
            "server_settings": {
                "application_name": app_name,
                "statement_timeout": str(statement_timeout_ms),
                "lock_timeout": "5000",
                "idle_in_transaction_session_timeout": "60000",
            },
        },
    )
    watch_connections(engine)
    return engine


def watch_connections(engine: AsyncEngine) -> None:
    """A database restart must not cost the first requests after it a 500.

    On checkout, a pooled connection the server has closed (asyncpg saw the socket end: a
    restart, `pg_terminate_backend`, a failover) is replaced by a new one before any statement
    runs, which costs nothing per request. For `SUSPECT_SECONDS` after a statement met a lost
    connection (SQLAlchemy then also retires every older pooled connection), checkouts ping
    too, so connections that look open but lead nowhere are replaced as well. Nothing is
    retried once a statement ran: a write is never repeated behind the client's back.
    """
    suspect_until = [0.0]

    def on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: Any) -> None:
        driver = record.driver_connection
        if driver is not None and driver.is_closed():
            suspect_until[0] = time.monotonic() + SUSPECT_SECONDS
            raise DisconnectionError("the server closed this pooled connection")
        if time.monotonic() < suspect_until[0]:
            try:
                engine.dialect.do_ping(dbapi_connection)
            except Exception as exc:
                raise DisconnectionError("a pooled connection failed its ping") from exc

    def on_error(context: ExceptionContext) -> None:
        if context.is_disconnect:
            suspect_until[0] = time.monotonic() + SUSPECT_SECONDS

    event.listen(engine.sync_engine.pool, "checkout", on_checkout)
    event.listen(engine.sync_engine, "handle_error", on_error)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False, autoflush=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """Yields the request's session; rolls back whatever the handler did not commit."""
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session:
        try:
            yield session
        finally:
            if session.in_transaction():
                await session.rollback()


SessionDep = Annotated[AsyncSession, Depends(get_session)]


@asynccontextmanager
async def pooled_driver(maker: async_sessionmaker[AsyncSession]) -> AsyncIterator[Any]:
    """The asyncpg connection of a pooled connection, for a request whose one statement stands
    alone (autocommitted: no BEGIN/COMMIT), without an ORM session around it.

    A session costs the hot paths more CPU than their statement (make bench, issue 16: its
    transaction bookkeeping, connection wrapper and commit). A sessionmaker bound to a
    connection rather than the engine (the tests' outer transaction, ADR 0003) lends that
    connection's driver inside a session, committed (its savepoint released) when the block
    succeeds, so tests see and keep what the statement wrote exactly as the app does.
    """
    bind = maker.kw.get("bind")
    if isinstance(bind, AsyncEngine):
        pooled = await bind.raw_connection()
        try:
            yield pooled.driver_connection
        finally:
            # a check-in may close an overflow connection, which awaits the driver
            await greenlet_spawn(pooled.close)
        return
    async with maker() as session:
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        yield raw.driver_connection
        await session.commit()


@asynccontextmanager
async def script_session(url: str, *, app_name: str) -> AsyncIterator[AsyncSession]:
    """A session for a command or a seed script: one pooled connection, disposed afterwards.

    The one way code outside a request gets a session; it commits what it means to keep.
    """
    engine = make_engine(url, app_name=app_name, pool_size=1)
    try:
        async with make_sessionmaker(engine)() as session:
            yield session
    finally:
        await engine.dispose()
