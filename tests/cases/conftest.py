"""Fixtures of the cases tests: the app on a migrated database, callers of several organizations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from services.cases.app import create_app
from services.cases.settings import CasesSettings
from services.common.orgs import org_id_for_ags, org_id_for_slug
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

GOEPPINGEN = org_id_for_ags("08117019")
GOEPPINGEN_PATH = ("08", "081", "08117", "08117019")
EISLINGEN = org_id_for_ags("08117017")
EISLINGEN_PATH = ("08", "081", "08117", "08117017")
STUTTGART = org_id_for_ags("08111000")
STUTTGART_PATH = ("08", "081", "08111000")
LRA_GOEPPINGEN = org_id_for_ags("08117")
RP_STUTTGART = org_id_for_ags("081")
RP_KARLSRUHE = org_id_for_ags("082")
MINISTRY = org_id_for_slug("sozialministerium")


@dataclass(frozen=True)
class Caller:
    """A token's claims in short: who, for which organization, with which roles."""

    org: str
    path: tuple[str, ...]
    roles: tuple[str, ...]
    kind: str = "municipality"
    sub: str = "cw-1"

    def headers(self, tokens: TokenFactory, **extra: str) -> dict[str, str]:
        h = tokens.headers(
            roles=list(self.roles),
            org=self.org,
            org_path=list(self.path),
            org_kind=self.kind,
            sub=self.sub,
        )
        return {**h, **extra}


CASE_WORKER = Caller(GOEPPINGEN, GOEPPINGEN_PATH, ("case_worker",))
OTHER_WORKER = Caller(GOEPPINGEN, GOEPPINGEN_PATH, ("case_worker",), sub="cw-2")
PRIVACY = Caller(GOEPPINGEN, GOEPPINGEN_PATH, ("privacy_officer",), sub="dpo-1")
FOREIGN_WORKER = Caller(EISLINGEN, EISLINGEN_PATH, ("case_worker",), sub="cw-eislingen")


def settings_for(databases: Databases, **extra: Any) -> CasesSettings:
    return CasesSettings(database_url=databases.url("cases"), log_json=True, **extra)


@pytest.fixture
async def svc(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    async with running_service(create_app, settings_for(databases), tokens) as sut:
        yield sut


async def open_case(
    svc: ServiceUnderTest, caller: Caller = CASE_WORKER, **body: Any
) -> dict[str, Any]:
    payload = {
        "pseudonym": "GP-Falke",
        "municipality_ags": "08117019",
        "opened_on": "2026-03-02",
        **body,
    }
    r = await svc.client.post("/cases/v1/cases", json=payload, headers=caller.headers(svc.tokens))
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out


CONSENT = {"given_on": "2026-03-02", "scope": ["personal_data", "plan"], "means": "written"}
PERSON = {
    "name": "Amina Yusuf",
    "birth_year": 1991,
    "gender": "female",
    "country_of_origin": "SY",
    "languages": ["ar", "de"],
    "household_size": 4,
    "qualifications": "pharmacist",
    "recognition_pending": True,
}


async def with_person(
    svc: ServiceUnderTest, caller: Caller = CASE_WORKER, **body: Any
) -> dict[str, Any]:
    """A case with consent and person data recorded; returns the latest case body."""
    case = await open_case(svc, caller, **body)
    url = f"/cases/v1/cases/{case['id']}"
    r = await svc.client.put(
        url + "/consent", json=CONSENT, headers=caller.headers(svc.tokens, **{"If-Match": '"1"'})
    )
    assert r.status_code == 200, r.text
    r = await svc.client.put(
        url + "/person",
        json=PERSON,
        headers=caller.headers(svc.tokens, **{"If-Match": r.headers["ETag"]}),
    )
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


@pytest.fixture(scope="module")
def conn(databases: Databases) -> Iterator[tuple[asyncio.AbstractEventLoop, asyncpg.Connection]]:
    """A plain asyncpg connection to a cases database of this module's own, for the tests that
    drive the triggers and recounts with raw SQL (and hypothesis, which wants no async tests)."""
    loop = asyncio.new_event_loop()
    url = databases.isolated_url("cases").replace("postgresql+asyncpg://", "postgresql://")
    connection = loop.run_until_complete(asyncpg.connect(url))
    yield loop, connection
    loop.run_until_complete(connection.close())
    loop.close()
    databases.drop_isolated()
