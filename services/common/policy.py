"""Who may call what: one table for the three services, per operation and role (DESIGN.md).

Every operation of every service has one entry, keyed by the app's operation id
(`<tag>-<function name>`); tests/test_policy.py fails when a route has none. An entry says who
may call at all; the services narrow further by organization (a case worker reads the cases of
their own organization, a reviewer the applications routed to their district).

- `PUBLIC`: no token (health, token endpoint, key set).
- `SIGNED_IN`: every verified caller; the service scopes the answer (events feed, directory).
- `allow(*roles)`: callers holding one of the roles; others get 403.
- `allow(*roles, hidden=True)`: the path names one object; others get 404, as if it did not
  exist, so ids cannot be probed (DESIGN.md: 404 for objects the caller may not see).
- `scoped(scope)`: machine clients whose token carries the scope (the services' own clients).

The roles of DESIGN.md: analysts read aggregates only (key figures), never applications or
cases; case workers have no business in applications; managers' names and positions are for the
applicant's own organization, the district reviewer and the approver on the route.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Final

from fastapi import Depends, Request, Security
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials

from services.common.app import operation_id
from services.common.auth import bearer_scheme, current_principal
from services.common.problems import Forbidden, NotFound, ProblemError


@dataclass(frozen=True)
class Rule:
    """Who may call one operation."""

    roles: frozenset[str] = frozenset()
    public: bool = False
    signed_in: bool = False
    hidden: bool = False
    scope: str | None = None

    def permits(self, roles: frozenset[str], scopes: frozenset[str] = frozenset()) -> bool:
        if self.scope is not None:
            return self.scope in scopes
        return self.public or self.signed_in or not self.roles.isdisjoint(roles)


PUBLIC: Final = Rule(public=True)
SIGNED_IN: Final = Rule(signed_in=True)


def allow(*roles: str, hidden: bool = False) -> Rule:
    return Rule(roles=frozenset(roles), hidden=hidden)


def scoped(scope: str) -> Rule:
    """Machine clients holding `scope` (the services' own clients), whatever their roles."""
    return Rule(scope=scope)


HEALTH = ("healthz", "readyz", "metrics")

# --- funding -------------------------------------------------------------------------------
APPLICATION_READ_ROLES: Final = ("applicant", "district_reviewer", "approver", "admin")
"""Roles that read applications at all; `APPLICATION_PARTIES` says where on the route."""

APPLICATION_PARTIES: Final[Mapping[str, frozenset[str]]] = {
    "applicant": frozenset({"applicant"}),  # the applicant organization (or consortium lead)
    "member": frozenset({"applicant"}),  # consortium members, delegating municipalities
    "district": frozenset({"district_reviewer"}),  # once submitted
    "council": frozenset({"approver"}),  # once submitted
    "provider": frozenset({"applicant"}),  # a commissioned charity: read-only
    "platform": frozenset({"admin"}),
}
"""Which role, at which party of an application's route, reads the application."""

MANAGER_NAME_PARTIES: Final = frozenset({"applicant", "member", "district", "council"})
"""Parties that read the positions (named managers); others read the application without."""

_APPLICATIONS = allow(*APPLICATION_READ_ROLES, hidden=True)

FUNDING: Final[Mapping[str, Rule]] = {
    **{f"funding-{h}": PUBLIC for h in HEALTH},
    "events-list-events": SIGNED_IN,
    "programmes-list-programmes": SIGNED_IN,
    "programmes-get-programme": SIGNED_IN,
    "programmes-create-programme": allow("admin"),
    "planning-frames-import-planning-frames": allow("admin"),
    "planning-frames-list-planning-frames": SIGNED_IN,
    "consortia-list-consortia": SIGNED_IN,
    "consortia-get-consortium": SIGNED_IN,
    "consortia-create-consortium": allow("applicant"),
    # a member's applicant or org_admin answers for it; the lead's dissolves
    "consortia-accept-invitation": allow("applicant", "org_admin"),
    "consortia-decline-invitation": allow("applicant", "org_admin"),
    "consortia-leave-consortium": allow("applicant", "org_admin"),
    "consortia-dissolve-consortium": allow("applicant", "org_admin"),
    # the municipality's applicant or org_admin, its district, its council (no personal data)
    "planning-frames-read-frame-usage": allow(
        "applicant", "org_admin", "district_reviewer", "approver", "admin"
    ),
    "applications-create-application": allow("applicant"),
    "applications-update-application": allow("applicant"),
    "applications-list-applications": allow(*APPLICATION_READ_ROLES),
    "applications-export-applications": allow(*APPLICATION_READ_ROLES),
    "applications-get-application": _APPLICATIONS,
    "transitions-create-transition": allow("applicant", "district_reviewer", "approver"),
    "transitions-list-transitions": _APPLICATIONS,
    "decision-notices-get-decision-notice": _APPLICATIONS,
    "batches-create-decision-batch": allow("approver"),
    "batches-get-decision-batch": allow("approver", "admin", hidden=True),
    "proofs-file-proof-of-use": allow("applicant"),
    "proofs-get-proof-of-use": _APPLICATIONS,
    "proofs-list-overdue-proofs": allow("approver", "admin"),
}

# --- cases ---------------------------------------------------------------------------------
_CASE = allow("case_worker", hidden=True)
_PRIVACY = allow("privacy_officer", hidden=True)

KEY_FIGURE_AREA_ROLES: Final = ("analyst", "approver", "district_reviewer")
"""Roles that read the key figures of other organizations in their area (aggregates only)."""
EXACT_FIGURES_SCOPE: Final = "figures:exact"
"""The scope under which key figures come unsuppressed: the funding service's client only."""

CASES: Final[Mapping[str, Rule]] = {
    **{f"cases-{h}": PUBLIC for h in HEALTH},
    "events-list-events": SIGNED_IN,
    "key-figures-read-key-figures": SIGNED_IN,  # own organization, or the area roles above
    "case-imports-import-cases": allow("case_worker"),
    "cases-list-cases": allow("case_worker", "privacy_officer"),
    "cases-open-case": allow("case_worker"),
    "worklist-my-worklist": allow("case_worker"),
    "volunteers-list-volunteers": allow("case_worker"),
    "volunteers-register-volunteer": allow("case_worker"),
    "volunteers-read-volunteer": allow("case_worker"),
    "volunteers-change-volunteer": allow("case_worker"),
    **dict.fromkeys(
        (
            "cases-read-case",
            "cases-change-case",
            "cases-record-consent",
            "cases-withdraw-consent",
            "cases-put-person",
            "plans-read-plan",
            "plans-list-plan-versions",
            "plans-write-plan-version",
            "plans-read-plan-version",
            "consultations-list-consultations",
            "consultations-log-consultation",
            "consultations-read-consultation",
            "consultations-change-consultation",
            "referrals-list-referrals",
            "referrals-send-referral",
            "referrals-read-referral",
            "referrals-change-referral",
            "volunteers-list-assignments",
            "volunteers-assign-volunteer",
            "volunteers-change-assignment",
        ),
        _CASE,
    ),
    **dict.fromkeys(
        (
            "data-protection-list-access-log",
            "data-protection-export-case",
            "data-protection-erase-case",
        ),
        _PRIVACY,
    ),
}

# --- auth ----------------------------------------------------------------------------------
_ACCOUNTS = allow("admin", "org_admin")

AUTH: Final[Mapping[str, Rule]] = {
    **{f"auth-{h}": PUBLIC for h in HEALTH},
    "oauth-issue-token": PUBLIC,  # client authentication or user credentials in the body
    "oauth-revoke-token": PUBLIC,
    "oauth-introspect-token": PUBLIC,
    "discovery-read-jwks": PUBLIC,
    "discovery-read-openid-configuration": PUBLIC,
    "events-list-events": SIGNED_IN,
    "users-read-me": SIGNED_IN,
    "users-list-users": _ACCOUNTS,
    "users-create-user": _ACCOUNTS,
    "users-read-user": _ACCOUNTS,
    "users-update-user": _ACCOUNTS,
    "clients-list-clients": _ACCOUNTS,
    "clients-create-client": _ACCOUNTS,
    "clients-read-client": _ACCOUNTS,
    "clients-update-client": _ACCOUNTS,
    "clients-rotate-client-secret": _ACCOUNTS,
    "organizations-list-organizations": SIGNED_IN,
    "organizations-read-organization": SIGNED_IN,
    "organizations-read-organization-chain": SIGNED_IN,
    "organizations-create-organization": allow("admin"),
    "organizations-update-organization": allow("admin"),
    "organizations-import-organizations": allow("admin"),
    "signing-keys-rotate-key": allow("admin"),
    "oauth-list-revocations": scoped("revocations:read"),
}

POLICY: Final[Mapping[str, Mapping[str, Rule]]] = {
    "auth": AUTH,
    "cases": CASES,
    "funding": FUNDING,
}


def rule_for(service: str, operation_id: str) -> Rule | None:
    """The entry of `operation_id` in `service`'s table (None: no entry, so refuse)."""
    return POLICY.get(service, {}).get(operation_id)


def policy_dependency(
    hidden: type[ProblemError] = NotFound, *, declares_security: bool = True
) -> Any:
    """`APIRouter(dependencies=[policy_dependency()])`: every route of the router follows the
    table. `hidden` is the 404 a service answers for its objects (cases: `case-not-found`), so
    a refusal by the table reads exactly like an object the caller may not see. A router whose
    routes declare their own security (auth: public token endpoint, Basic client auth) passes
    `declares_security=False`, so the table adds no bearer requirement to the contract."""

    async def check(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
        route = request.scope.get("route")
        op = operation_id(route) if isinstance(route, APIRoute) else ""
        rule = rule_for(request.app.state.service_name, op)
        if rule is None:
            raise Forbidden(f"The operation {op or '?'} has no entry in the access policy")
        if rule.public:
            return
        if credentials is None and not declares_security:
            credentials = await bearer_scheme(request)
        principal = await current_principal(request, credentials)
        if rule.permits(principal.roles, principal.scopes):
            return
        if rule.hidden:
            raise hidden("Nothing with this id that you may see")
        raise Forbidden(f"This needs one of the roles: {', '.join(sorted(rule.roles))}")

    async def enforce_policy(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
    ) -> None:
        """The caller passes the operation's entry in `POLICY`, or is refused (401 without a
        token, `hidden` for hidden entries, 403 otherwise; no entry: 403)."""
        await check(request, credentials)

    async def enforce_policy_quietly(request: Request) -> None:
        """The same, reading the bearer token itself (nothing declared in the contract)."""
        await check(request, None)

    return Depends(enforce_policy if declares_security else enforce_policy_quietly)


PolicyDep = policy_dependency()
"""Every route of the router follows the table, with the generic 404 for hidden entries."""
