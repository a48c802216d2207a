"""Fixtures every test package shares: a PostgreSQL server, migrated databases, tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _pytest.nodeid import NodeId

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


@pytest.hookimpl(trylast=True)  # after xdist's own hook has tagged `_nodeid`
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Makes `xdist_group` hold, so one worker runs the tests of a group (one shared stack):
    pytest-xdist 3.8 tags a grouped test by setting `item._nodeid`, which pytest 9 no longer
    reads for the id the loadgroup scheduler groups by (it keeps `item._id`)."""
    for item in items:
        tagged = getattr(item, "_nodeid", None)
        if tagged and tagged != item.nodeid:
            item._id = NodeId.parse(tagged)
