from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.common.settings import ServiceSettings
from tests.common.probe_app import create_probe_app
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory


@pytest.fixture
async def probe(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    settings = ServiceSettings(database_url=databases.url("cases"), log_json=True)
    async with running_service(create_probe_app, settings, tokens) as sut:
        yield sut
