"""Who may call what: one table for the three services, per operation and role (DESIGN.md).

Every operation of every service has one entry, keyed by the app's operation id (the handler's
function name, `create_application`); tests/test_policy.py fails when a route has none. An entry
says who may call at all; the services narrow further by organization (a case worker reads the
cases of their own organization, a reviewer the applications routed to their district).

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
from services.common.problem_types import texts
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
        if self.scope is not None and (self.scope in scopes or not self.roles):
            return self.scope in scopes  # a scope alone, or a scope as an alternative to roles
        return self.public or self.signed_in or not self.roles.isdisjoint(roles)


PUBLIC: Final = Rule(public=True)
SIGNED_IN: Final = Rule(signed_in=True)


def allow(*roles: str, hidden: bool = False) -> Rule:
    return Rule(roles=frozenset(roles), hidden=hidden)


def scoped(scope: str, *roles: str) -> Rule:
    """Machine clients holding `scope` (the services' own clients), whatever their roles; with
    `roles`, callers holding one of those roles too."""
    return Rule(roles=frozenset(roles), scope=scope)


WEBHOOKS_SCOPE: Final = "webhooks:manage"
WEBHOOKS: Final[Mapping[str, Rule]] = dict.fromkeys(
    (
        "list_webhook_subscriptions",
        "create_webhook_subscription",
        "read_webhook_subscription",
        "change_webhook_subscription",
        "delete_webhook_subscription",
        "rotate_webhook_secret",
        "send_webhook_test",
        "list_webhook_attempts",
        "redeliver_webhook_events",
    ),
    scoped(WEBHOOKS_SCOPE, "org_admin"),
)
"""`/{service}/v1/webhook-subscriptions` in every service: the organization's org_admin or its
API clients holding `webhooks:manage`; the service scopes them to the caller's organization."""


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
    **{f"funding_{h}": PUBLIC for h in HEALTH},
    "list_events": SIGNED_IN,
    **WEBHOOKS,
    "list_programmes": SIGNED_IN,
    "get_programme": SIGNED_IN,
    "create_programme": allow("admin"),
    "import_planning_frames": allow("admin"),
    "list_planning_frames": SIGNED_IN,
    "list_consortia": SIGNED_IN,
    "get_consortium": SIGNED_IN,
    "create_consortium": allow("applicant"),
    # a member's applicant or org_admin answers for it; the lead's dissolves
    "accept_invitation": allow("applicant", "org_admin"),
    "decline_invitation": allow("applicant", "org_admin"),
    "leave_consortium": allow("applicant", "org_admin"),
    "dissolve_consortium": allow("applicant", "org_admin"),
    # the municipality's applicant or org_admin, its district, its council (no personal data)
    "read_frame_usage": allow("applicant", "org_admin", "district_reviewer", "approver", "admin"),
    "create_application": allow("applicant"),
    "update_application": allow("applicant"),
    "list_applications": allow(*APPLICATION_READ_ROLES),
    "export_applications": allow(*APPLICATION_READ_ROLES),
    "get_application": _APPLICATIONS,
    "create_transition": allow("applicant", "district_reviewer", "approver"),
    "list_transitions": _APPLICATIONS,
    "get_decision_notice": _APPLICATIONS,
    "get_decision_notice_pdf": _APPLICATIONS,
    "create_decision_batch": allow("approver"),
    "get_decision_batch": allow("approver", "admin", hidden=True),
    "file_proof_of_use": allow("applicant"),
    "get_proof_of_use": _APPLICATIONS,
    "list_overdue_proofs": allow("approver", "admin"),
}

# --- cases ---------------------------------------------------------------------------------
_CASE = allow("case_worker", hidden=True)
_PRIVACY = allow("privacy_officer", hidden=True)

KEY_FIGURE_AREA_ROLES: Final = ("analyst", "approver", "district_reviewer")
"""Roles that read the key figures of other organizations in their area (aggregates only)."""
EXACT_FIGURES_SCOPE: Final = "figures:exact"
"""The scope under which key figures come unsuppressed: the funding service's client only."""

CASES: Final[Mapping[str, Rule]] = {
    **{f"cases_{h}": PUBLIC for h in HEALTH},
    "list_events": SIGNED_IN,
    **WEBHOOKS,
    "read_key_figures": SIGNED_IN,  # own organization, or the area roles above
    "read_area_key_figures": SIGNED_IN,  # the area roles above, narrowed by area (issue 16)
    "import_cases": allow("case_worker"),
    "list_cases": allow("case_worker", "privacy_officer"),
    "open_case": allow("case_worker"),
    "my_worklist": allow("case_worker"),
    "list_volunteers": allow("case_worker"),
    "register_volunteer": allow("case_worker"),
    "read_volunteer": allow("case_worker"),
    "change_volunteer": allow("case_worker"),
    **dict.fromkeys(
        (
            "read_case",
            "change_case",
            "record_consent",
            "withdraw_consent",
            "put_person",
            "read_plan",
            "list_plan_versions",
            "write_plan_version",
            "read_plan_version",
            "list_consultations",
            "log_consultation",
            "read_consultation",
            "change_consultation",
            "list_referrals",
            "send_referral",
            "read_referral",
            "change_referral",
            "list_assignments",
            "assign_volunteer",
            "change_assignment",
        ),
        _CASE,
    ),
    **dict.fromkeys(
        (
            "list_access_log",
            "export_case",
            "erase_case",
        ),
        _PRIVACY,
    ),
}

# --- auth ----------------------------------------------------------------------------------
_ACCOUNTS = allow("admin", "org_admin")

AUTH: Final[Mapping[str, Rule]] = {
    **{f"auth_{h}": PUBLIC for h in HEALTH},
    "issue_token": PUBLIC,  # client authentication or user credentials in the body
    "revoke_token": PUBLIC,
    "introspect_token": PUBLIC,
    "authorize_form": PUBLIC,  # the login page (OpenID Connect)
    "authorize_submit": PUBLIC,
    "end_session": PUBLIC,  # the id_token_hint names the login
    "read_userinfo": SIGNED_IN,
    "start_totp_enrolment": SIGNED_IN,
    "confirm_totp_enrolment": SIGNED_IN,
    "read_jwks": PUBLIC,
    "read_openid_configuration": PUBLIC,
    "list_events": SIGNED_IN,
    **WEBHOOKS,
    "read_me": SIGNED_IN,
    "list_users": _ACCOUNTS,
    "create_user": _ACCOUNTS,
    "read_user": _ACCOUNTS,
    "update_user": _ACCOUNTS,
    "list_clients": _ACCOUNTS,
    "create_client": _ACCOUNTS,
    "read_client": _ACCOUNTS,
    "update_client": _ACCOUNTS,
    "rotate_client_secret": _ACCOUNTS,
    "list_organizations": SIGNED_IN,
    "read_organization": SIGNED_IN,
    "read_organization_chain": SIGNED_IN,
    "create_organization": allow("admin"),
    "update_organization": allow("admin"),
    "import_organizations": allow("admin"),
    "rotate_key": allow("admin"),
    "list_revocations": scoped("revocations:read"),
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
            raise Forbidden(
                texts(
                    f"The operation {op or '?'} has no entry in the access policy",
                    f"Die Operation {op or '?'} hat keinen Eintrag in der Zugriffsrichtlinie",
                )
            )
        if rule.public:
            return
        if credentials is None and not declares_security:
            credentials = await bearer_scheme(request)
        principal = await current_principal(request, credentials)
        if rule.permits(principal.roles, principal.scopes):
            return
        if rule.hidden:
            raise hidden("Nothing with this id that you may see")
        raise Forbidden(
            texts(
                f"This needs one of the roles: {', '.join(sorted(rule.roles))}",
                f"Dafür ist eine dieser Rollen nötig: {', '.join(sorted(rule.roles))}",
            )
        )

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
