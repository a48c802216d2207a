"""The three import operations behind one interface, so the import tests run on each alike."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import text

from services.auth.app import create_app as create_auth
from services.auth.seed import seed as seed_auth
from services.cases.app import create_app as create_cases
from services.cases.settings import CasesSettings
from services.common.orgs import org_id_for_slug
from services.common.sql import run
from services.funding.app import create_app as create_funding
from tests.auth.conftest import auth_settings
from tests.cases.conftest import CASE_WORKER
from tests.funding.conftest import settings_for as funding_settings
from tests.funding.conftest import setup_programme
from tests.funding.personas import PLATFORM
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.tokens import TokenFactory

ADMIN_CLAIMS = {"roles": ["admin"], "org": org_id_for_slug("platform"), "org_kind": "platform"}

# As German Excel saves "CSV (Trennzeichen-getrennt)": Windows-1252, `;`, CRLF, German numbers
# and dates; a valid file and one whose third data line is wrong.
GERMAN_FILES = {
    "auth": (
        "AGS;Name;Kind;Parent_AGS\r\n"
        "08117017;Eislingen/Fils;municipality;08117\r\n"
        ";Caritas Göppingen Süd;provider;08117017\r\n"
        "08117019;Göppingen;municipality;08117\r\n",
        "08117999;Nirgendwo;municipality;08999\r\n",
    ),
    "funding": (
        "ags;name;amount;status;reference_date\r\n"
        "08117033;Ebersbach an der Fils;51.000,00;final;15.09.2017\r\n"
        "08117007;Bad Boll;23.400,50;preliminary;31.03.2017\r\n"
        "08117019;Göppingen;271.248,00;final;15.09.2017\r\n",
        "08117024;Geislingen;12,345;final;31.02.2017\r\n",
    ),
    "cases": (
        "external_id;pseudonym;municipality_ags;opened_on;status;closing_reason;closed_on\r\n"
        "KM-1;GP-Möwe;08117019;12.05.2025;;;\r\n"
        "KM-2;GP-Bär;08117019;02.06.2025;closed;moved;31.01.2026\r\n"
        "KM-3;GP-Hase;08117019;2025-07-01;;;\r\n",
        "KM-4;GP-Igel;08117019;30.02.2025;;;\r\n",
    ),
}
# what the valid file does on a fresh database: created, updated, unchanged
GERMAN_OUTCOMES = {"auth": (2, 0, 1), "funding": (1, 1, 1), "cases": (3, 0, 0)}
COUNTED = {
    "auth": "SELECT count(*) FROM organization",
    "funding": "SELECT count(*) || ':' || coalesce(sum(amount), 0) || ':' || max(version) "
    "FROM planning_frame",
    "cases": "SELECT count(*) || ':' || coalesce(max(version), 0) FROM client_case",
}
ROWS_AND_EVENTS = (
    "SELECT (SELECT count(*) FROM audit_entry) || '/' || (SELECT count(*) FROM outbox_event)"
)


@dataclass
class Target:
    """One service's import operation, called as an integrator would."""

    name: str
    sut: ServiceUnderTest
    url: str
    headers: dict[str, str]

    async def post(self, data: bytes, mode: str | None = None, **headers: str) -> httpx.Response:
        params = {"mode": mode} if mode else {}
        files = {"file": ("daten.csv", data, "text/csv")}
        return await self.sut.client.post(
            self.url, params=params, files=files, headers={**self.headers, **headers}
        )

    async def state(self) -> str:
        """The imported table's fingerprint and the audit/outbox counts."""
        async with self.sut.app.state.sessionmaker() as session:
            counted = (await run(session, text(COUNTED[self.name]))).scalar_one()
            logged = (await run(session, text(ROWS_AND_EVENTS))).scalar_one()
        return f"{counted}|{logged}"


def seed_auth_database(url: str, databases: Databases) -> None:
    settings = auth_settings(databases, database_url=url)
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, seed_auth(settings.database_url, settings)).result()


@asynccontextmanager
async def import_target(
    name: str, databases: Databases, tokens: TokenFactory, *, isolated: bool = False
) -> AsyncIterator[Target]:
    """The service of `name` running on the shared test database (one rolled-back transaction)
    or, `isolated`, on its own copy where requests commit for real."""
    url = databases.isolated_url(name) if isolated else databases.url(name)
    if name == "auth":
        seed_auth_database(url, databases)
        settings: Any = auth_settings(databases, database_url=url)
        async with running_service(create_auth, settings, tokens, isolated=isolated) as sut:
            yield Target(name, sut, "/auth/v1/organization-imports", tokens.headers(**ADMIN_CLAIMS))
    elif name == "funding":
        async with running_service(
            create_funding, funding_settings(url), tokens, isolated=isolated
        ) as sut:
            programme = await setup_programme(sut)
            url = f"/funding/v1/programmes/{programme['id']}/planning-frames"
            yield Target(name, sut, url, PLATFORM.headers(tokens, "admin"))
    else:
        settings = CasesSettings(database_url=url, log_json=True, db_pool_size=10)
        async with running_service(create_cases, settings, tokens, isolated=isolated) as sut:
            yield Target(name, sut, "/cases/v1/case-imports", CASE_WORKER.headers(tokens))
