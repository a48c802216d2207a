"""Engine, sessions and the shared naming convention; one request, one session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import MetaData, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
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


def make_engine(
    url: str, *, app_name: str, pool_size: int = 20, statement_timeout_ms: int = 15_000
) -> AsyncEngine:
    extra: dict[str, object] = {}
    if _is_loopback(url) and "ssl" not in url:
        extra["ssl"] = False  # asyncpg would try TLS first on every new connection
    return create_async_engine(
        url,
        # a steady pool: overflow connections are closed on return, and under load that
        # churn (connect + re-prepare) cost more than waiting briefly for a pooled one
        pool_size=pool_size,
        max_overflow=max(2, pool_size // 4),
        pool_pre_ping=False,  # a ping per checkout costs a round trip; asyncpg reports dead links
        connect_args={
            **extra,
            "server_settings": {
                "application_name": app_name,
                "statement_timeout": str(statement_timeout_ms),
                "lock_timeout": "5000",
                "idle_in_transaction_session_timeout": "60000",
            },
        },
    )


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
