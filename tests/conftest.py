"""Fixtures every test package shares: a PostgreSQL server, migrated databases, tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.cli.postgres import find_server
from tests.support.apps import Databases
from tests.support.tokens import TokenFactory


@pytest.fixture(scope="session")
def databases() -> Iterator[Databases]:
    dbs = Databases(find_server())
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()
