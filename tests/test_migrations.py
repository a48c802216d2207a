"""Each service's alembic history: reaches head, matches the models, and goes down and up again."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from alembic import command

from services.cli.postgres import Server, drop_database, ensure_database, find_server
from services.common.migrate import alembic_config, downgrade, upgrade


@pytest.fixture
def scratch_db() -> Iterator[tuple[Server, str]]:
    server = find_server()
    name = f"pakt_test_migrations_{uuid.uuid4().hex[:8]}"
    ensure_database(server, name)
    yield server, server.database_url(name)
    drop_database(server, name)


@pytest.mark.parametrize("service", ["auth", "cases", "funding"])
def test_history_matches_models_and_is_reversible(
    service: str, scratch_db: tuple[Server, str]
) -> None:
    _, url = scratch_db
    upgrade(service, url)
    command.check(alembic_config(service, url))  # raises when the models and the history differ
    downgrade(service, url, "base")
    upgrade(service, url)
    command.check(alembic_config(service, url))
