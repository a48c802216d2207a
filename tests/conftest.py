"""Fixtures every test package shares: a PostgreSQL server, migrated databases, tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.cli.postgres import find_server
from services.cli.stack import Stack
from tests.support.apps import Databases
from tests.support.stack import running_stack
from tests.support.tokens import TokenFactory


@pytest.fixture(scope="session")
def databases() -> Iterator[Databases]:
    dbs = Databases(find_server())
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def tokens() -> TokenFactory:
    return TokenFactory()


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """The real platform (three uvicorn processes behind nginx) on free ports, fresh databases."""
    with running_stack(find_server()) as running:
        yield running
