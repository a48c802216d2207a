"""The route as a state machine: who may take which action in which state (no I/O).

Refusals follow DESIGN.md: an application the caller may not see is a 404 (decided by the
caller), a visible one where the caller's organization or role cannot take the action is a
403 (`NotYourStep`), and an action the current state does not allow is a 409
(`InvalidTransition`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from services.common.auth import Principal
from services.common.policy import APPLICATION_PARTIES, MANAGER_NAME_PARTIES
from services.common.problem_types import texts
from services.funding.errors import InvalidTransition, NotYourStep

Action = Literal[
    "submit", "withdraw", "forward", "return", "approve", "partially_approve", "reject"
]
State = Literal[
    "draft",
    "submitted",
    "forwarded",
    "returned",
    "approved",
    "partially_approved",
    "rejected",
    "withdrawn",
]
STATES: tuple[State, ...] = get_args(State)
DECISIONS: dict[str, str] = {
    "approve": "approved",
    "partially_approve": "partially_approved",
    "reject": "rejected",
}
DECIDED = frozenset(DECISIONS.values())
Party = Literal["applicant", "district", "council"]

# (party, role) that takes each action
_ACTORS: dict[str, tuple[tuple[Party, str], ...]] = {
    "submit": (("applicant", "applicant"),),
    "withdraw": (("applicant", "applicant"),),
    "forward": (("district", "district_reviewer"),),
    "return": (("district", "district_reviewer"), ("council", "approver")),
    "approve": (("council", "approver"),),
    "partially_approve": (("council", "approver"),),
    "reject": (("council", "approver"),),
}


@dataclass(frozen=True)
class RouteView:
    """What the rules need to know about an application."""

    state: str
    step: str
    applicant_org_id: str
    member_org_ids: tuple[str, ...]
    district_org_id: str | None
    council_org_id: str
    submitted_at: datetime | None
    provider_org_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Move:
    party: Party
    to_state: str
    to_step: str


def reader_party(app: RouteView, who: Principal) -> str | None:
    """The party `who` reads `app` as (services.common.policy.APPLICATION_PARTIES), or None.

    The applicant and consortium members always; district, council and commissioned charities
    once submitted; each only with the party's role (an analyst or a case worker of an
    organization on the route reads nothing)."""
    submitted = app.submitted_at is not None
    orgs = {
        "applicant": who.org == app.applicant_org_id,
        "member": who.org in app.member_org_ids,
        "district": submitted and who.org == app.district_org_id,
        "council": submitted and who.org == app.council_org_id,
        "provider": submitted and who.org in app.provider_org_ids,
        "platform": True,
    }
    for party, on_route in orgs.items():
        if on_route and who.has_role(*APPLICATION_PARTIES[party]):
            return party
    return None


def can_see(app: RouteView, who: Principal) -> bool:
    return reader_party(app, who) is not None


def sees_manager_names(app: RouteView, who: Principal) -> bool:
    """Managers' names and positions: the applicant's side, the district and the council."""
    return reader_party(app, who) in MANAGER_NAME_PARTIES


def _party_org(app: RouteView, party: Party) -> str | None:
    if party == "applicant":
        return app.applicant_org_id
    if party == "district":
        return app.district_org_id
    return app.council_org_id


def _target(app: RouteView, action: str, party: Party) -> tuple[str, str] | None:
    """The next (state, step), or None when the state does not allow the action."""
    state, step = app.state, app.step
    if action == "submit" and state in ("draft", "returned") and step == "applicant":
        return ("submitted", "district") if app.district_org_id else ("forwarded", "council")
    if action == "withdraw" and state in ("draft", "submitted", "forwarded", "returned"):
        return "withdrawn", "closed"
    if action == "forward" and state in ("submitted", "returned") and step == "district":
        return "forwarded", "council"
    if (
        action == "return"
        and party == "district"
        and state in ("submitted", "returned")
        and step == "district"
    ):
        return "returned", "applicant"
    if action == "return" and party == "council" and state == "forwarded" and step == "council":
        return ("returned", "district") if app.district_org_id else ("returned", "applicant")
    if action in DECISIONS and state == "forwarded" and step == "council":
        return DECISIONS[action], "closed"
    return None


def plan_move(app: RouteView, who: Principal, action: str) -> Move:
    """The move `who` makes with `action`, or NotYourStep (403) / InvalidTransition (409)."""
    parties = [
        party
        for party, role in _ACTORS[action]
        if who.has_role(role) and who.org == _party_org(app, party)
    ]
    if not parties:
        needed = " or ".join(f"{role} at the {party}" for party, role in _ACTORS[action])
        needed_de = " oder ".join(f"{role} ({party})" for party, role in _ACTORS[action])
        raise NotYourStep(
            texts(
                f"`{action}` needs the role {needed} on this application's route",
                f"`{action}` erfordert die Rolle {needed_de} auf dem Weg dieses Antrags",
            )
        )
    for party in parties:
        target = _target(app, action, party)
        if target is not None:
            return Move(party, *target)
    raise InvalidTransition(
        texts(
            f"`{action}` is not possible while the application is {app.state} (at the {app.step} "
            "step)",
            f"`{action}` ist nicht möglich, solange der Antrag {app.state} ist (im Schritt "
            f"{app.step})",
        ),
        state=app.state,
        step=app.step,
    )


def route_orgs(app: RouteView) -> list[str]:
    """Every organization on the route: the audience of the application's events."""
    orgs = [app.applicant_org_id, *app.member_org_ids, app.council_org_id]
    if app.district_org_id:
        orgs.append(app.district_org_id)
    return sorted(set(orgs))
