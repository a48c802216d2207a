from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.funding.app import create_app
from services.funding.settings import FundingSettings
from tests.funding.personas import PLATFORM
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

FRAMES_CSV = (
    "ags,name,amount,status,reference_date\n"
    "08117019,Göppingen,271248.00,final,2017-09-15\n"
    "08117007,Bad Boll,23400.00,preliminary,2017-03-31\n"
    "08117049,Eislingen/Fils,40000.00,preliminary,2017-03-31\n"
    "08117014,Donzdorf,60000.00,preliminary,2017-03-31\n"
    "08119067,Schorndorf,30000.00,final,2017-09-15\n"
    "08111000,Stuttgart,2500000.00,final,2017-09-15\n"
    "08311000,Freiburg im Breisgau,900000.00,final,2017-09-15\n"
)


def programme_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "name": "Integrationsmanagement 2017/2018",
        "period_start": "2017-07-01",
        "period_months": 24,
        "total_budget": "116000000.00",
        "min_fte": "0.25",
        "min_frame": "51000.00",
        "deciding_mode": "statewide",
        "deciding_region": "081",
        "rates": [
            {
                "qualification": "mid_level",
                "amount": "51000.00",
                "label": "Mittlerer Bildungsabschluss",
            },
            {
                "qualification": "university",
                "amount": "60000.00",
                "label": "Hochschulabschluss",
                "is_example": True,
            },
        ],
    }
    body.update(overrides)
    return body


def settings_for(url: str, **overrides: Any) -> FundingSettings:
    return FundingSettings(database_url=url, log_json=True, **overrides)


@pytest.fixture
async def funding(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    async with running_service(create_app, settings_for(databases.url("funding")), tokens) as sut:
        yield sut


async def setup_programme(sut: ServiceUnderTest, **overrides: Any) -> dict[str, Any]:
    admin = PLATFORM.headers(sut.tokens, "admin")
    r = await sut.client.post(
        "/funding/v1/programmes", json=programme_body(**overrides), headers=admin
    )
    assert r.status_code == 201, r.text
    programme: dict[str, Any] = r.json()
    r = await sut.client.post(
        f"/funding/v1/programmes/{programme['id']}/planning-frames",
        content=FRAMES_CSV.encode(),
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert r.status_code == 200, r.text
    return programme


@pytest.fixture
async def programme(funding: ServiceUnderTest) -> dict[str, Any]:
    return await setup_programme(funding)
