"""schemathesis against the three apps in this process, with real tokens and real databases.

The short run of `make test`: every operation of the committed contract, all phases with a
few examples each, all built-in checks. Fast feedback while the services grow.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from services.auth.app import create_app as auth_app
from services.auth.settings import AuthSettings
from services.cases.app import create_app as cases_app
from services.cases.settings import CasesSettings
from services.cli import database
from services.funding.app import create_app as funding_app
from services.funding.settings import FundingSettings
from tests.contract import runner
from tests.contract.inprocess import role_tokens, serve
from tests.support.apps import Databases, running_service
from tests.support.directory import funding_client_token
from tests.support.tokens import TokenFactory


def _seed(urls: dict[str, str]) -> None:
    """The demo data `pakt seed` writes (each seeder runs its own event loop, so in a thread)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: list(database.seed(urls))).result()


async def test_every_operation_conforms_in_process(databases: Databases, tokens: TokenFactory):
    urls = {service: databases.isolated_url(service) for service in ("auth", "cases", "funding")}
    auth_settings = AuthSettings(
        database_url=urls["auth"],
        log_json=True,
        argon2_memory_kib=1024,
        argon2_time_cost=1,
        argon2_parallelism=1,
    )
    cases_settings = CasesSettings(database_url=urls["cases"], log_json=True)
    funding_settings = FundingSettings(database_url=urls["funding"], log_json=True)
    try:
        _seed(urls)
        async with (
            running_service(auth_app, auth_settings, tokens, isolated=True) as auth,
            running_service(cases_app, cases_settings, tokens, isolated=True) as cases,
            running_service(funding_app, funding_settings, tokens, isolated=True) as funding,
            serve({"auth": auth.app, "cases": cases.app, "funding": funding.app}) as base_url,
        ):
            # funding checks providers in auth's directory with its own client's token
            funding.app.state.client_token = funding_client_token(funding.app, base_url, tokens)
            # cases checks commissioners in the same directory, with the caller's token
            cases.app.state.settings = cases.app.state.settings.model_copy(
                update={"jwks_url": f"{base_url}/auth/.well-known/jwks.json"}
            )
            budget, prefix = runner.budget(runner.SHORT)
            outcome = await runner.run(base_url, role_tokens(tokens), budget, f"{prefix}inprocess")
    finally:
        databases.drop_isolated()
    assert outcome.ok, outcome.output[-20000:]
