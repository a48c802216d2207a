"""The event types each service's outbox carries, with what their payload says: the contract's
OpenAPI `webhooks` section is made from this (services/tooling/openapi_webhooks.py).

Payloads carry ids, states and amounts, never personal data. A payload may gain fields; a
receiver ignores those it does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True)
class EventDoc:
    entity_type: str
    summary: str
    payload: Mapping[str, str] = field(default_factory=dict)  # field -> what it says


def _each(entity: str, summary: str, names: tuple[str, ...], **payload: str) -> dict[str, EventDoc]:
    return {
        f"{entity}.{n}": EventDoc(entity, summary.format(n.replace("_", " ")), payload)
        for n in names
    }


_SUB = "the webhook subscription (id)"
SUBSCRIPTION_EVENTS: Final[dict[str, EventDoc]] = {
    **_each(
        "webhook_subscription",
        "A webhook subscription was {}",
        ("created", "changed", "deleted", "secret_rotated"),
        subscription_id=_SUB,
    ),
    "webhook_subscription.paused": EventDoc(
        "webhook_subscription",
        "Deliveries to the subscription failed for about a day: it is paused until resumed",
        {"subscription_id": _SUB, "reason": "why", "event_id": "the event given up"},
    ),
    "webhook_subscription.disabled": EventDoc(
        "webhook_subscription",
        "The endpoint answered 410 Gone: the subscription is disabled until resumed",
        {"subscription_id": _SUB, "reason": "why", "event_id": "the event it answered 410 to"},
    ),
    "webhook.test": EventDoc(
        "webhook_subscription",
        "Sent on request (POST .../test) to the one subscription named",
        {"subscription_id": _SUB},
    ),
}

_ORG = "the organization (id)"
AUTH: Final[dict[str, EventDoc]] = {
    "organization.created": EventDoc(
        "organization",
        "An organization was added to the directory",
        {
            "kind": "municipality, rural_district, ...",
            "ags": "official municipality key, if any",
            "parent_id": "the parent organization",
        },
    ),
    "user.created": EventDoc(
        "user", "A user account was created", {"organization_id": _ORG, "roles": "granted roles"}
    ),
    "client.created": EventDoc(
        "client",
        "An API client was created",
        {"client_id": "its client_id", "organization_id": _ORG, "roles": "granted roles"},
    ),
    **_each("user", "A user account was {}", ("deactivated", "reactivated")),
    **_each("client", "An API client was {}", ("deactivated", "reactivated", "secret_rotated")),
    "tokens.revoked": EventDoc(
        "user",
        "Access tokens of a user, client or login were revoked",
        {"revoked_at": "from when (Unix time)"},
    ),
    "key.rotated": EventDoc(
        "signing_key",
        "A new token signing key was published (every organization)",
        {"previous_kid": "the key it follows", "activates_at": "when it starts signing"},
    ),
    **SUBSCRIPTION_EVENTS,
}

_CASE = {"case_id": "the case (id)"}
_CASE_STATE = {
    **_CASE,
    "reference": "case reference",
    "municipality_ags": "municipality key",
    "status": "open, paused or closed",
    "closing_reason": "set when closed",
    "version": "the case's version (ETag)",
}
_ITEM = {**_CASE, "id": "the item (id)"}
CASES: Final[dict[str, EventDoc]] = {
    **_each(
        "case",
        "A case was {}",
        ("opened", "updated", "closed", "paused", "reopened"),
        **_CASE_STATE,
    ),
    **_each("case", "A case was {} (data protection)", ("erased", "anonymized"), **_CASE),
    "consent.recorded": EventDoc(
        "case", "Consent was recorded for a case", {**_CASE, "scope": "what it covers"}
    ),
    "consent.withdrawn": EventDoc("case", "Consent was withdrawn for a case", _CASE),
    "person.updated": EventDoc(
        "case", "The case's person data changed (no data in the event)", _CASE
    ),
    **_each(
        "plan",
        "An integration plan was {}",
        ("created", "revised"),
        **_CASE,
        number="plan version",
        next_review_on="next review date",
        goals="fields and statuses of the goals",
    ),
    "consultation.logged": EventDoc(
        "consultation",
        "A counselling contact was logged",
        {**_ITEM, "held_on": "date", "duration_minutes": "length", "fields": "action fields"},
    ),
    "consultation.changed": EventDoc("consultation", "A counselling contact was changed", _ITEM),
    "referral.sent": EventDoc(
        "referral",
        "A referral was sent",
        {**_ITEM, "agency": "to whom", "field": "action field", "referred_on": "date"},
    ),
    **_each(
        "referral", "A referral was {}", ("accepted", "declined", "completed", "changed"), **_ITEM
    ),
    **_each(
        "volunteer",
        "A volunteer was {}",
        ("registered", "changed"),
        id="the volunteer (id)",
        active="still active (changed only)",
    ),
    "volunteer.assigned": EventDoc(
        "volunteer_assignment",
        "A volunteer was assigned to a case",
        {**_ITEM, "volunteer_id": "the volunteer", "field": "action field"},
    ),
    **_each(
        "volunteer", "A volunteer assignment was {}", ("unassigned", "assignment_changed"), **_ITEM
    ),
    **SUBSCRIPTION_EVENTS,
}

_APP = {"programme_id": "the funding programme (id)"}
_MOVE = {**_APP, "state": "the application's new state", "step": "where on the route it is"}
_CONSORTIUM = {**_APP, "state": "forming, active or dissolved"}
FUNDING: Final[dict[str, EventDoc]] = {
    "application.created": EventDoc(
        "application", "An application was drafted", {**_APP, "state": "draft"}
    ),
    **_each(
        "application",
        "An application was {}",
        ("submitted", "withdrawn", "forwarded", "returned"),
        **_MOVE,
    ),
    "application.decided": EventDoc(
        "application",
        "An application was decided (approved, partly, or rejected)",
        {**_MOVE, "granted_amount": "granted, in EUR", "notice_number": "decision notice number"},
    ),
    "application.flagged_for_review": EventDoc(
        "application",
        "A final planning frame asks for the application to be reviewed",
        {**_APP, "reason": "why"},
    ),
    "proof_of_use.filed": EventDoc(
        "application", "A proof of use was filed", {"proof_id": "the proof (id)"}
    ),
    "frame.finalized": EventDoc(
        "planning_frame",
        "A planning frame became final",
        {
            **_APP,
            "ags": "municipality key",
            "amount": "final amount, EUR",
            "previous_amount": "preliminary amount, EUR",
        },
    ),
    "consortium.created": EventDoc(
        "consortium",
        "A consortium was founded",
        {**_CONSORTIUM, "lead": "the lead's key", "invited": "invited members' keys"},
    ),
    **_each(
        "consortium",
        "A consortium member {}",
        ("member_accepted", "member_declined", "member_left"),
        **_CONSORTIUM,
    ),
    "consortium.dissolved": EventDoc("consortium", "A consortium was dissolved", _CONSORTIUM),
    **SUBSCRIPTION_EVENTS,
}

CATALOG: Final[Mapping[str, Mapping[str, EventDoc]]] = {
    "auth": AUTH,
    "cases": CASES,
    "funding": FUNDING,
}
