from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.common.settings import ServiceSettings
from tests.common.imports_targets import Target, import_target
from tests.common.probe_app import create_probe_app
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory


@pytest.fixture
async def probe(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    settings = ServiceSettings(database_url=databases.url("cases"), log_json=True)
    async with running_service(create_probe_app, settings, tokens) as sut:
        yield sut


@pytest.fixture(params=["auth", "funding", "cases"])
async def import_op(
    request: pytest.FixtureRequest, databases: Databases, tokens: TokenFactory
) -> AsyncIterator[Target]:
    """Each of the three import operations in turn (tests/common/test_imports_*.py)."""
    async with import_target(request.param, databases, tokens) as found:
        yield found
