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


PERSONAL: tuple[Personal, ...] = (
    Personal(person_data.name, WHOLE_ROW, "delete_row"),
    Personal(client_case.name, "pseudonym", "replace", replacement="erased"),
    Personal(client_case.name, "external_id", "null"),
    Personal(consultation.name, "notes", "null"),
    Personal(referral.name, "notes", "null"),
    Personal(volunteer_assignment.name, "notes", "null"),
    Personal(plan_version.name, "change_note", "null"),
    Personal(plan_goal.name, "description", "null"),
    Personal(plan_goal.name, "agreed_steps", "null"),
    Personal(plan_goal.name, "responsible", "null"),
    Personal(audit_entry.name, "details", "json_keys"),
    Personal(outbox_event.name, "payload", "json_keys"),
    Personal(idempotency_record.name, "response_body", "stored_response"),
    Personal(idempotency_record.name, "response_headers", "stored_response"),
)

_IDS = "ids of organizations, users or rows, not of the person"
_VOCAB = "a value of a fixed vocabulary (the API refuses anything else)"
NOT_PERSONAL: dict[tuple[str, str], str] = {
    ("alembic_version", "version_num"): "the schema's migration revision",
    ("access_log", "action"): _VOCAB,
    ("access_log", "actor"): "who read: a user or client id of the organization (its staff)",
    ("access_log", "actor_org"): _IDS,
    ("access_log", "actor_name"): "the reader's (staff) name, not the case person's: it is what "
    "the log is for (Art. 15 recipients); it goes with the log's retention period",
    ("access_log", "actor_org_kind"): _VOCAB,
    ("access_log", "actor_roles"): _VOCAB,
    ("access_log", "org_id"): _IDS,
    ("access_log", "request_id"): "a request id the gateway made",
    ("audit_entry", "action"): "an event name",
    ("audit_entry", "actor"): "who changed: staff user or client id, or the operator",
    ("audit_entry", "actor_org"): _IDS,
    ("audit_entry", "entity_id"): _IDS,
    ("audit_entry", "entity_type"): "a table name",
    ("audit_entry", "request_id"): "a request id the gateway made",
    ("case_reference_counter", "org_id"): _IDS,
    ("client_case", "assigned_worker"): "the staff member's user id",
    ("client_case", "closing_reason"): _VOCAB,
    ("client_case", "commissioned_by"): _IDS,
    ("client_case", "consent_means"): _VOCAB,
    ("client_case", "consent_scope"): _VOCAB,
    ("client_case", "municipality_ags"): "the municipality key, kept for the statistics",
    ("client_case", "org_id"): _IDS,
    ("client_case", "org_path"): "AGS keys of the owning organization",
    ("client_case", "reference"): "a number the service made (org, year, counter)",
    ("client_case", "status"): _VOCAB,
    ("consultation", "fields"): _VOCAB,
    ("consultation", "org_id"): _IDS,
    ("figure_month", "figure"): "the name of a key figure",
    ("figure_month", "key"): _VOCAB,
    ("figure_month", "org_id"): _IDS,
    ("figure_month", "org_path"): "AGS keys of the organization",
    ("plan_version", "org_id"): _IDS,
    ("referral", "org_id"): _IDS,
    ("consultation", "mode"): _VOCAB,
    ("consultation", "recorded_by"): "the staff member's user id",
    ("idempotency_record", "fingerprint"): "a SHA-256 of the request",
    ("idempotency_record", "key"): "the client's random key",
    ("idempotency_record", "mentions"): "ids the stored response names, by which erasure finds it",
    ("idempotency_record", "scope"): _IDS,
    ("outbox_event", "audience"): _IDS,
    ("outbox_event", "entity_id"): _IDS,
    ("outbox_event", "entity_type"): "a table name",
    ("outbox_event", "type"): "an event name",
    ("plan_goal", "field"): _VOCAB,
    ("plan_goal", "status"): _VOCAB,
    ("plan_version", "created_by"): "the staff member's user id",
    ("referral", "agency"): _VOCAB,
    ("referral", "field"): _VOCAB,
    ("referral", "status"): _VOCAB,
    ("volunteer_assignment", "field"): _VOCAB,
    # a volunteer is another person than the case's: their name and contact belong to the
    # volunteer record, which the organization keeps while the volunteer works with it
    ("volunteer", "display_name"): "the volunteer's, not the case person's (another subject)",
    ("volunteer", "contact"): "the volunteer's, not the case person's (another subject)",
    ("volunteer", "fields"): _VOCAB,
    ("volunteer", "languages"): _VOCAB,
    ("volunteer", "org_id"): _IDS,
    # webhooks name events by id; the body is rendered from the (scrubbed) outbox when sent
    ("webhook_attempt", "error"): "why a delivery failed (transport error or the receiver's "
    "status), written by the worker; never the event's payload",
    ("webhook_attempt", "outcome"): _VOCAB,
    ("webhook_delivery", "event_type"): "an event name",
    ("webhook_delivery", "state"): _VOCAB,
    ("webhook_subscription", "organization_id"): _IDS,
    ("webhook_subscription", "audience"): _IDS,
    ("webhook_subscription", "url"): "the subscribing organization's endpoint",
    ("webhook_subscription", "event_types"): "event names",
    ("webhook_subscription", "description"): "the organization's label for its endpoint",
    ("webhook_subscription", "state"): _VOCAB,
    ("webhook_subscription", "state_reason"): "why the platform paused or disabled it",
    ("webhook_subscription", "secret"): "an HMAC key the platform made",
    ("webhook_subscription", "previous_secret"): "an HMAC key the platform made",
    ("webhook_subscription", "lease_owner"): "the name of the worker delivering",
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
