"""Databases of the services: where they are, create if missing, migrate, seed demo data.

The one way every `pakt` command finds a service's database (`locate`): `<SVC>_DATABASE_URL`
if the operator set it, else `pakt_<svc>` on the server `find_server` finds (DATABASE_URL, the
local server on 127.0.0.1:5432, or the project's private cluster), the way `pakt dev` does.
Used by `pakt db migrate`, `pakt seed`, `pakt dev`, the services' commands (`point_at`) and
the end-to-end test fixture.
"""

from __future__ import annotations

import asyncio
import importlib
import os
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from services.cli.failures import OperatorError
from services.cli.postgres import (
    SERVICES,
    Server,
    check_url,
    ensure_database,
    find_server,
    service_database_url,
)
from services.common.migrate import upgrade
from services.common.settings import ServiceSettings

SEED_ORDER = ("auth", "cases", "funding")


def database_urls(server: Server) -> dict[str, str]:
    """Each service's database URL (`<SVC>_DATABASE_URL`, else `pakt_<svc>` on `server`)."""
    for service in SERVICES:
        variable = f"{service.upper()}_DATABASE_URL"
        if os.environ.get(variable):
            check_url(os.environ[variable], variable)
    return {service: service_database_url(server, service) for service in SERVICES}


@dataclass(frozen=True)
class Location:
    """Where a service's database is and who said so (for messages that name what to fix)."""

    service: str
    url: str
    named_by: str  # `AUTH_DATABASE_URL`, or how the server was found (`DATABASE_URL`, ...)

    @property
    def variable(self) -> str:
        return f"{self.service.upper()}_DATABASE_URL"

    @property
    def where(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.path.lstrip('/')} on {parts.hostname or 'localhost'}:{parts.port or 5432}"


def locate(services: Iterable[str]) -> list[Location]:
    """Each service's database, found the same way for every command (see the module doc)."""
    chosen = list(services)
    if any(not os.environ.get(f"{s.upper()}_DATABASE_URL") for s in chosen):
        server: Server | None = find_server()
    else:
        server = None  # every URL is set: no need to look for (or start) a server
    found = []
    for service in chosen:
        variable = f"{service.upper()}_DATABASE_URL"
        if os.environ.get(variable):
            found.append(Location(service, check_url(os.environ[variable], variable), variable))
        else:
            assert server is not None  # noqa: S101 - found above for exactly this case
            found.append(Location(service, server.database_url(f"pakt_{service}"), server.source))
    return found


async def _connect_check(location: Location) -> None:
    try:
        conn = await asyncpg.connect(location.url.replace("+asyncpg", ""), timeout=10)
    except asyncpg.InvalidCatalogNameError as exc:
        raise OperatorError(
            f"{location.service}: database {location.where} does not exist "
            f"(from {location.named_by}): run `pakt db migrate` to create it, "
            f"or correct {location.variable}"
        ) from exc
    except (asyncpg.InvalidAuthorizationSpecificationError, asyncpg.InvalidPasswordError) as exc:
        raise OperatorError(
            f"{location.service}: PostgreSQL at {location.where} refused the login "
            f"({' '.join(str(exc).split())}; from {location.named_by}): correct the user and "
            f"password in {location.variable} or DATABASE_URL"
        ) from exc
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise OperatorError(
            f"{location.service}: cannot use {location.where} (from {location.named_by}): "
            f"{reason}; start PostgreSQL there, or correct {location.variable} or DATABASE_URL"
        ) from exc
    await conn.close()


def point_at(services: Iterable[str], *, check: bool = True) -> list[Location]:
    """Sets `<SVC>_DATABASE_URL` for each service (the services' commands read their settings)
    and, with `check`, makes sure each database answers, so a wrong URL is one line naming
    what to correct (a long-running loop skips that: it reports failed runs and goes on)."""
    found = locate(services)
    for location in found:
        if check:
            asyncio.run(_connect_check(location))
        os.environ[location.variable] = location.url
    return found


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
