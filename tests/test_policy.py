"""The access policy (services/common/policy.py) covers every route of the three services.

Generated from the apps' own route tables (their OpenAPI documents, which list every routed
operation by the id the policy is keyed by): a route without an entry fails here, an entry
without a route too (a renamed operation must not leave a stale rule behind)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import pytest
from fastapi import FastAPI

from services.auth.accounts.schemas import Role
from services.auth.app import create_app as create_auth_app
from services.cases.app import create_app as create_cases_app
from services.common.policy import APPLICATION_READ_ROLES, POLICY, Rule
from services.funding.app import create_app as create_funding_app

APPS: dict[str, Callable[[], FastAPI]] = {
    "auth": create_auth_app,
    "cases": create_cases_app,
    "funding": create_funding_app,
}
ROLES = frozenset(get_args(Role))


def operations(service: str) -> dict[str, tuple[str, str]]:
    doc: dict[str, Any] = APPS[service]().openapi()
    return {
        op["operationId"]: (method.upper(), path)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }


@pytest.mark.parametrize("service", sorted(APPS))
def test_every_route_has_a_policy_entry(service: str) -> None:
    routed = operations(service)
    missing = sorted(
        f"{op} ({m} {p})" for op, (m, p) in routed.items() if op not in POLICY[service]
    )
    assert not missing, f"routes of {service} without an entry in services/common/policy.py"
    stale = sorted(set(POLICY[service]) - set(routed))
    assert not stale, f"policy entries of {service} without a route: {stale}"


@pytest.mark.parametrize("service", sorted(APPS))
def test_entries_name_known_roles_only(service: str) -> None:
    for op, rule in POLICY[service].items():
        assert isinstance(rule, Rule)
        assert rule.roles <= ROLES, (op, rule.roles - ROLES)
        assert rule.public or rule.signed_in or rule.roles or rule.scope, f"{op} lets nobody in"


APPLICATION_READS = (
    "list_applications",
    "export_applications",
    "get_application",
    "list_transitions",
    "get_decision_notice",
    "get_decision_notice_pdf",
    "get_decision_batch",
    "get_proof_of_use",
    "list_overdue_proofs",
)


def test_the_roles_table_of_design_md() -> None:
    """Analysts read aggregates only; case workers have no business in applications; privacy
    officers and org admins do not read applications either."""
    funding = POLICY["funding"]
    for role in ("analyst", "case_worker", "privacy_officer", "org_admin"):
        assert role not in APPLICATION_READ_ROLES
        assert [op for op in APPLICATION_READS if role in funding[op].roles] == []
    for role in ("analyst", "case_worker", "privacy_officer"):
        assert [op for op, rule in funding.items() if role in rule.roles] == []
    assert [op for op, rule in POLICY["cases"].items() if "analyst" in rule.roles] == []
    assert POLICY["cases"]["read_key_figures"].signed_in  # narrowed by area
