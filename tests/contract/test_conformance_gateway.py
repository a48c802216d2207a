"""schemathesis through the real gateway: nginx in front of the three services as processes,
seeded demo data, one real token per role fetched from POST /auth/v1/token at start."""

from __future__ import annotations

import httpx
import pytest
import yaml

from services.cli.stack import Stack
from tests.contract import runner
from tests.support.stack import demo_token

# the demo user of each role (docs/CONVENTIONS.md)
DEMO_USERS = {
    "admin": "admin",
    "case_worker": "cw.goeppingen",
    "privacy_officer": "privacy.goeppingen",
    "org_admin": "orgadmin.goeppingen",
    "applicant": "applicant.goeppingen",
    "district_reviewer": "reviewer.goeppingen",
    "approver": "approver.stuttgart",
    "analyst": "analyst.ministry",
}


@pytest.mark.e2e
async def test_every_operation_conforms_through_the_gateway(stack: Stack):
    tokens = {role: demo_token(stack, user) for role, user in DEMO_USERS.items()}
    budget, prefix = runner.budget(runner.SHORT_GATEWAY)
    outcome = await runner.run(stack.gateway_url, tokens, budget, f"{prefix}gateway")
    assert outcome.ok, outcome.output[-20000:]


@pytest.mark.e2e
async def test_the_gateway_serves_the_committed_contract_and_its_docs_page(stack: Stack):
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=30) as client:
        served = await client.get("/openapi.yaml")
        docs = await client.get("/docs")
    assert served.status_code == 200
    assert yaml.safe_load(served.text) == yaml.safe_load(runner.CONTRACT.read_text("utf-8"))
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
