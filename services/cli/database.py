"""Databases of the services: create if missing, migrate to the newest revisions, seed demo data.

Used by `pakt db migrate`, `pakt seed`, `pakt dev` and the end-to-end test fixture.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Coroutine, Iterator
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from services.cli.postgres import SERVICES, Server, ensure_database, service_database_url
from services.common.migrate import upgrade
from services.common.settings import ServiceSettings

SEED_ORDER = ("auth", "cases", "funding")


def database_urls(server: Server) -> dict[str, str]:
    """Each service's database URL (`<SVC>_DATABASE_URL`, else `pakt_<svc>` on `server`)."""
    return {service: service_database_url(server, service) for service in SERVICES}


def _split(url: str) -> tuple[Server, str]:
    """The server holding `url` (its maintenance database) and the database name."""
    parts = urlsplit(url.replace("+asyncpg", ""))
    name = parts.path.lstrip("/")
    if not name:
        raise ValueError(f"database URL names no database: {url}")
    maintenance = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    return Server(maintenance, "service URL"), name


def migrate(urls: dict[str, str]) -> Iterator[str]:
    """Creates each missing database, upgrades it; yields one line per step.

    Upgrades to alembic `heads`: the service's own branch and the `common` one (audit, outbox,
    idempotency) every service database runs. Databases migrated before that branch existed
    upgrade the same way (services/common/migrations/README.md).
    """
    for service, url in urls.items():
        server, name = _split(url)
        created = ensure_database(server, name)
        yield f"{service}: database {name} {'created' if created else 'exists'}"
        upgrade(service, url)
        yield f"{service}: migrated to head"


def sqlalchemy_url(url: str) -> str:
    """The URL with the asyncpg driver (`postgresql+asyncpg://`), as `make_engine` wants it."""
    return ServiceSettings(database_url=url).async_database_url


def optional_module(name: str) -> ModuleType | None:
    """Imports `name`, or None when exactly that module does not exist (yet)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def seed(urls: dict[str, str]) -> Iterator[str]:
    """Runs `services/<svc>/seed.py: seed(database_url)` for each service that has one.

    `database_url` is given in SQLAlchemy's asyncpg form, ready for `make_engine`.
    """
    for service in SEED_ORDER:
        module = optional_module(f"services.{service}.seed")
        if module is None:
            yield f"{service}: no seed data yet"
            continue
        run: Callable[[str], Coroutine[Any, Any, list[str]]] = module.seed
        yield from asyncio.run(run(sqlalchemy_url(urls[service])))
