"""Tables of the cases service (its own MetaData, its own database).

Tables are SQLAlchemy Core `Table`s like the common kit's: the hot paths run Core statements
(no ORM object loading). Personal data live in `person_data` and in a few free-text columns
(`*_note`, `notes`, goal texts), so consent withdrawal, erasure and anonymization are a handful
of set-based statements that cannot miss a field.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import registry
from sqlmodel import SQLModel

from services.common.columns import at_now, identity_id, owned_by, partition_key, stamps
from services.common.db import new_metadata

metadata = new_metadata()


class CasesTable(SQLModel, registry=registry(metadata=metadata)):
    """Base of table classes (the service itself uses the Core tables below)."""


def _id() -> Column[object]:
    return Column(
        "id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )


def _case_fk(*, primary: bool = False) -> Column[object]:
    return owned_by("case_id", UUID(as_uuid=True), "client_case", primary=primary)


def _case_org() -> Column[object]:
    """The case's organization on a contact or plan (trigger `case_org_id` sets it from the
    case), so the key figures of one organization read only its rows."""
    return Column("org_id", Text, nullable=False, comment="the case's (set by a trigger)")


def _case_rows(
    name: str, *columns: Column[object], dated_by: str, counted: tuple[str, ...]
) -> Table:
    """A table of rows under a case (consultations, referrals): listed per case in creation
    order, counted per organization by the date `dated_by` (its index `ix_<name>_org_<date>`,
    which carries the columns `counted` so that the key figures read the index alone)."""
    return Table(
        name,
        metadata,
        _id(),
        _case_fk(),
        *columns,
        *stamps(),
        _case_org(),
        Index(f"ix_{name}_case", "case_id", "created_at", "id"),
        Index(
            f"ix_{name}_org_{dated_by.removesuffix('_on')}",
            "org_id",
            dated_by,
            postgresql_include=["case_id", *counted],
        ),
    )


client_case = Table(
    "client_case",
    metadata,
    _id(),
    Column("org_id", Text, nullable=False, comment="owning organization (token claim `org`)"),
    Column("org_path", ARRAY(Text), nullable=False, comment="AGS chain of the owner at creation"),
    Column("municipality_ags", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("external_id", Text, nullable=True),
    Column("pseudonym", Text, nullable=False),
    Column("assigned_worker", Text, nullable=False),
    Column("status", Text, nullable=False, server_default="open"),
    Column("closing_reason", Text, nullable=True),
    Column("opened_on", Date, nullable=False),
    Column("closed_on", Date, nullable=True),
    Column("next_review_on", Date, nullable=True, comment="from the latest plan version"),
    Column("consent_given_on", Date, nullable=True),
    Column("consent_scope", ARRAY(Text), nullable=True),
    Column("consent_means", Text, nullable=True),
    Column("consent_withdrawn_on", Date, nullable=True),
    Column("erased_at", DateTime(timezone=True), nullable=True),
    Column(
        "commissioned_by",
        Text,
        nullable=True,
        comment="a charity's case: the commissioning organization it is delivered for",
    ),
    Column("grant_id", UUID(as_uuid=True), nullable=True, comment="the grant it counts for"),
    *stamps(),
    UniqueConstraint("org_id", "reference"),
    UniqueConstraint("org_id", "external_id"),
    Index("ix_client_case_org_created", "org_id", "created_at", "id"),
    Index("ix_client_case_commissioned", "org_id", "commissioned_by"),
    # issue 16: each index serves one query (docs/PERFORMANCE.md has the plans)
    Index("ix_client_case_org_worker", "org_id", "assigned_worker", "created_at", "id"),
    Index("ix_client_case_org_updated", "org_id", "updated_at"),
    Index("ix_client_case_org_opened", "org_id", "opened_on"),
    Index("ix_client_case_org_closed_on", "org_id", "closed_on"),
    # key figures: an organization's (or one worker's) cases in scope, read from the index alone
    Index(
        "ix_client_case_org_figures",
        "org_id",
        "assigned_worker",
        postgresql_include=[
            "id",
            "opened_on",
            "closed_on",
            "status",
            "closing_reason",
            "commissioned_by",
            "grant_id",
        ],
    ),
    Index(
        "ix_client_case_closed",
        "closed_on",
        "id",
        postgresql_where=text("status = 'closed' AND erased_at IS NULL"),
    ),
)
REVIEW_KEY = literal_column("COALESCE(next_review_on, '9999-12-31'::date)", Date)
"""The worklist's order: earliest review first, cases without a plan last. A constant, not a
parameter, so that the plan matches the partial index `ix_client_case_worklist` on it."""
Index(
    "ix_client_case_worklist",
    client_case.c.org_id,
    client_case.c.assigned_worker,
    REVIEW_KEY,
    client_case.c.id,
    postgresql_where=text("status = 'open'"),
)

case_reference_counter = Table(
    "case_reference_counter",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("year", SmallInteger, primary_key=True),
    Column("last_value", Integer, nullable=False),
)

person_data = Table(
    "person_data",
    metadata,
    _case_fk(primary=True),
    Column("name", Text, nullable=True),
    Column("birth_year", SmallInteger, nullable=True),
    Column("gender", Text, nullable=True),
    Column("country_of_origin", Text, nullable=True),
    Column("languages", ARRAY(Text), nullable=True),
    Column("residence_status", Text, nullable=True),
    Column("household_size", SmallInteger, nullable=True),
    Column("schooling", Text, nullable=True),
    Column("vocational_training", Text, nullable=True),
    Column("degree", Text, nullable=True),
    Column("qualifications", Text, nullable=True),
    Column("competencies", Text, nullable=True),
    Column("recognition_pending", Boolean, nullable=True),
    at_now("updated_at"),
)

plan_version = Table(
    "plan_version",
    metadata,
    _id(),
    _case_fk(),
    Column("number", Integer, nullable=False),
    Column("change_note", Text, nullable=True),
    Column("next_review_on", Date, nullable=True),
    Column("created_by", Text, nullable=False),
    at_now("created_at"),
    _case_org(),
    *(
        Column(
            f"goal_{name}",
            ARRAY(Text),
            nullable=False,
            server_default=text("'{}'"),
            comment=f"the {name} of its goals in order (trigger plan_goal_keys, for key figures)",
        )
        for name in ("fields", "statuses")
    ),
    UniqueConstraint("case_id", "number"),
    # key figures: each case's latest version and its goals by a backward walk, index only
    Index(
        "ix_plan_version_org_case",
        "org_id",
        "case_id",
        "number",
        "created_at",
        postgresql_include=["goal_fields", "goal_statuses"],
    ),
)

plan_goal = Table(
    "plan_goal",
    metadata,
    owned_by("plan_version_id", UUID(as_uuid=True), "plan_version", primary=True),
    Column("position", SmallInteger, primary_key=True),
    _case_fk(),
    Column("field", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("description", Text, nullable=True),
    Column("agreed_steps", Text, nullable=True),
    Column("responsible", Text, nullable=True),
    Column("target_on", Date, nullable=True),
    Index("ix_plan_goal_case_id", "case_id"),
    # the list's `field` filter: a field rare in the organization (or absent) is found by it,
    # not by scanning every goal of every organization
    Index("ix_plan_goal_field_case", "field", "case_id"),
)

consultation = _case_rows(
    "consultation",
    Column("held_on", Date, nullable=False),
    Column("duration_minutes", SmallInteger, nullable=False),
    Column("mode", Text, nullable=False),
    Column("fields", ARRAY(Text), nullable=False),
    Column("notes", Text, nullable=True),
    Column("recorded_by", Text, nullable=False),
    dated_by="held_on",
    counted=("duration_minutes",),
)

referral = _case_rows(
    "referral",
    Column("agency", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("referred_on", Date, nullable=False),
    Column("status", Text, nullable=False, server_default="sent"),
    Column("notes", Text, nullable=True),
    dated_by="referred_on",
    counted=("agency",),
)

volunteer = Table(
    "volunteer",
    metadata,
    _id(),
    Column("org_id", Text, nullable=False),
    Column("display_name", Text, nullable=False),
    Column("contact", Text, nullable=True),
    Column("languages", ARRAY(Text), nullable=False, server_default="{}"),
    Column("fields", ARRAY(Text), nullable=False, server_default="{}"),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    *stamps(),
    Index("ix_volunteer_org_created", "org_id", "created_at", "id"),
)

volunteer_assignment = Table(
    "volunteer_assignment",
    metadata,
    _id(),
    _case_fk(),
    owned_by("volunteer_id", UUID(as_uuid=True), "volunteer"),
    Column("field", Text, nullable=False),
    Column("started_on", Date, nullable=False),
    Column("ended_on", Date, nullable=True),
    Column("notes", Text, nullable=True),
    *stamps(),
    Index("ix_volunteer_assignment_case", "case_id", "created_at", "id"),
    Index("ix_volunteer_assignment_volunteer_id", "volunteer_id"),
)

figure_month = Table(
    "figure_month",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("month", Date, primary_key=True, comment="first day of the month"),
    Column("figure", Text, primary_key=True),
    Column("key", Text, primary_key=True, comment="agency, closing reason, or ''"),
    Column("org_path", ARRAY(Text), nullable=False, comment="AGS chain of org"),
    Column("n", BigInteger, nullable=False),
    Index("ix_figure_month_month", "month"),
)
"""Additive key figures per organization and month, kept by triggers in the transaction of
each change (services/cases/figures/aggregates.py)."""

access_log = Table(
    "access_log",
    metadata,
    identity_id(),
    Column("case_id", UUID(as_uuid=True), nullable=False),
    Column("org_id", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("actor_org", Text, nullable=False),
    Column("actor_name", Text, nullable=True, comment="the reader's display name (token `name`)"),
    Column("actor_roles", ARRAY(Text), nullable=True, comment="the reader's roles (token)"),
    Column("actor_org_kind", Text, nullable=True, comment="the reader's organization kind"),
    Column(
        "action",
        Text,
        nullable=False,
        comment="what was read: case, plan, consultations, export, ...",
    ),
    Column("request_id", Text, nullable=True),
    partition_key("at"),
    Index("ix_access_log_case", "case_id", "id"),
    postgresql_partition_by="RANGE (at)",
)
