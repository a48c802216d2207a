"""Every column of the cases database that can hold text, and what erasure does with it.

The one list the erasure (privacy/repository.py: `scrub`) and its tests
(tests/cases/test_erasure_complete.py, tests/e2e/test_erasure_canary.py) share. A column that
can hold a person's data is `PERSONAL` with the way erasure removes it; every other text, array
or JSON column is in `NOT_PERSONAL` with the reason. The tests read the database's catalog: a
new text column that is in neither list fails them, and so does a personal one erasure misses.

Scrubs:
- `delete_row`: the rows of the case go (the person_data table: every column is personal).
- `null`: the column is set to NULL in the case's rows (free texts).
- `replace`: set to `replacement` (a NOT NULL column, the pseudonym).
- `json_keys`: the keys named in `PERSONAL_KEYS` leave the JSON of the case's rows
  (audit details, event payloads: they normally carry none, this is the safety net).
- `stored_response`: a stored Idempotency-Key response mentioning the case is replaced by a
  410 problem (services/common/idempotency.py: `erase_responses`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from services.cases.models import (
    client_case,
    consultation,
    person_data,
    plan_goal,
    plan_version,
    referral,
    volunteer_assignment,
)
from services.common.tables import audit_entry, idempotency_record, outbox_event

Scrub = Literal["delete_row", "null", "replace", "json_keys", "stored_response"]
WHOLE_ROW = "*"


@dataclass(frozen=True)
class Personal:
    """A column (or, with `WHOLE_ROW`, a table) holding data of a case's person."""

    table: str
    column: str
    scrub: Scrub
    replacement: str | None = None


# the free texts (and the external id a case was imported with): set to NULL
_NULLED = {
    client_case.name: ("external_id",),
    consultation.name: ("notes",),
    referral.name: ("notes",),
    volunteer_assignment.name: ("notes",),
    plan_version.name: ("change_note",),
    plan_goal.name: ("description", "agreed_steps", "responsible"),
}
PERSONAL: tuple[Personal, ...] = (
    Personal(person_data.name, WHOLE_ROW, "delete_row"),
    Personal(client_case.name, "pseudonym", "replace", replacement="erased"),
    *(Personal(table, column, "null") for table, columns in _NULLED.items() for column in columns),
    Personal(audit_entry.name, "details", "json_keys"),
    Personal(outbox_event.name, "payload", "json_keys"),
    Personal(idempotency_record.name, "response_body", "stored_response"),
    Personal(idempotency_record.name, "response_headers", "stored_response"),
)


def _because(reasons: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[tuple[str, str], str]:
    """`{reason: {table: columns}}` as `{(table, column): reason}`."""
    return {
        (table, column): reason
        for reason, tables in reasons.items()
        for table, columns in tables.items()
        for column in columns
    }


# why a column holds no personal data: first the reasons several columns share, then the
# columns with a reason of their own
NOT_PERSONAL: dict[tuple[str, str], str] = _because(
    {
        "ids of organizations, users or rows, not of the person": {
            "access_log": ("actor_org", "org_id"),
            "audit_entry": ("actor_org", "entity_id"),
            "case_reference_counter": ("org_id",),
            "client_case": ("commissioned_by", "org_id"),
            "consultation": ("org_id",),
            "figure_month": ("org_id",),
            "idempotency_record": ("scope",),
            "outbox_event": ("audience", "entity_id"),
            "outbox_reader": ("org",),
            "plan_version": ("org_id",),
            "referral": ("org_id",),
            "volunteer": ("org_id",),
            "webhook_subscription": ("organization_id", "audience"),
        },
        "a value of a fixed vocabulary (the API refuses anything else)": {
            "access_log": ("action", "actor_org_kind", "actor_roles"),
            "client_case": ("closing_reason", "consent_means", "consent_scope", "status"),
            "consultation": ("fields", "mode"),
            "figure_month": ("key",),
            "plan_goal": ("field", "status"),
            "plan_version": ("goal_fields", "goal_statuses"),
            "referral": ("agency", "field", "status"),
            "volunteer": ("fields", "languages"),
            "volunteer_assignment": ("field",),
            "webhook_attempt": ("outcome",),
            "webhook_delivery": ("state",),
            "webhook_subscription": ("state",),
        },
        "an event name": {
            "audit_entry": ("action",),
            "outbox_event": ("type",),
            "webhook_delivery": ("event_type",),
        },
        "a table name": {"audit_entry": ("entity_type",), "outbox_event": ("entity_type",)},
        "a request id the gateway made": {
            "access_log": ("request_id",),
            "audit_entry": ("request_id",),
        },
        "the staff member's user id": {
            "client_case": ("assigned_worker",),
            "consultation": ("recorded_by",),
            "plan_version": ("created_by",),
        },
        # a volunteer is another person than the case's: their name and contact belong to the
        # volunteer record, which the organization keeps while the volunteer works with it
        "the volunteer's, not the case person's (another subject)": {
            "volunteer": ("display_name", "contact")
        },
        "an HMAC key the platform made": {"webhook_subscription": ("secret", "previous_secret")},
    }
) | {
    (table, column): reason
    for table, reasons in {
        "alembic_version": {"version_num": "the schema's migration revision"},
        "access_log": {
            "actor": "who read: a user or client id of the organization (its staff)",
            "actor_name": "the reader's (staff) name, not the case person's: it is what the log "
            "is for (Art. 15 recipients); it goes with the log's retention period",
        },
        "audit_entry": {"actor": "who changed: staff user or client id, or the operator"},
        "client_case": {
            "municipality_ags": "the municipality key, kept for the statistics",
            "org_path": "AGS keys of the owning organization",
            "reference": "a number the service made (org, year, counter)",
        },
        "figure_month": {
            "figure": "the name of a key figure",
            "org_path": "AGS keys of the organization",
        },
        "idempotency_record": {
            "fingerprint": "a SHA-256 of the request",
            "key": "the client's random key",
            "mentions": "ids the stored response names, by which erasure finds it",
        },
        # webhooks name events by id; the body is rendered from the (scrubbed) outbox when sent
        "webhook_attempt": {
            "error": "why a delivery failed (transport error or the receiver's status), written "
            "by the worker; never the event's payload",
        },
        "webhook_subscription": {
            "url": "the subscribing organization's endpoint",
            "event_types": "event names",
            "description": "the organization's label for its endpoint",
            "state_reason": "why the platform paused or disabled it",
            "lease_owner": "the name of the worker delivering",
        },
    }.items()
    for column, reason in reasons.items()
}

# JSON keys that would carry personal data: the personal columns' names
PERSONAL_KEYS: tuple[str, ...] = tuple(
    sorted(
        {p.column for p in PERSONAL if p.scrub in ("null", "replace")}
        | {c.name for c in person_data.columns if c.name != "case_id"}
        | {"person"}
    )
)


def personal_columns(table: str) -> set[str]:
    """The columns of `table` that erasure touches (`*` for a whole-row table)."""
    return {p.column for p in PERSONAL if p.table == table}
