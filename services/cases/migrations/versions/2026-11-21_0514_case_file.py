"""case file"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import drop_tables

revision = "0002_case_file"
down_revision = None
branch_labels = ("cases",)
depends_on = "0001"


def _of_case(table: str) -> tuple[sa.Column[Any], sa.ForeignKeyConstraint]:
    """`case_id`: the case a record belongs to and goes with."""
    return col.reference(table, "case_id", "client_case", ondelete="CASCADE")


def _edited(table: str) -> list[Any]:
    """The tail of the records people edit: created and updated times, version, primary key."""
    return [*col.created_updated(), col.version(), col.pk(table)]


def _by_creation(name: str, table: str, column: str) -> None:
    """The listing index: `column`'s rows in order of creation."""
    op.create_index(name, table, [column, "created_at", "id"])


def _case_record(table: str, *columns: Any) -> None:
    """A record of a case that people edit (consultation, referral, volunteer assignment): its
    id, `case_id`, `columns`, the `_edited` tail; listed per case in order of creation."""
    op.create_table(table, col.uuid_id(generated=True), *_of_case(table), *columns, *_edited(table))
    _by_creation(f"ix_{table}_case", table, "case_id")


def upgrade() -> None:
    op.create_table(
        "access_log",
        col.identity_id(),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        *col.texts("org_id", "actor", "actor_org"),
        col.text("action", comment="what was read: case, plan, consultations, export, ..."),
        *col.texts("request_id", nullable=True),
        col.at_now("at"),
        col.pk("access_log"),
    )
    op.create_index("ix_access_log_case", "access_log", ["case_id", "id"])
    op.create_table(
        "case_reference_counter",
        *col.texts("org_id"),
        *col.columns(sa.SmallInteger(), "year"),
        *col.columns(sa.Integer(), "last_value"),
        col.pk("case_reference_counter", "org_id", "year"),
    )
    op.create_table(
        "client_case",
        col.uuid_id(generated=True),
        col.text("org_id", comment="owning organization (token claim `org`)"),
        sa.Column(
            "org_path", col.TEXTS, nullable=False, comment="AGS chain of the owner at creation"
        ),
        *col.texts("municipality_ags", "reference"),
        *col.texts("external_id", nullable=True),
        *col.texts("pseudonym", "assigned_worker"),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        *col.texts("closing_reason", nullable=True),
        *col.columns(sa.Date(), "opened_on"),
        *col.columns(sa.Date(), "closed_on", nullable=True),
        sa.Column(
            "next_review_on", sa.Date(), nullable=True, comment="from the latest plan version"
        ),
        *col.columns(sa.Date(), "consent_given_on", nullable=True),
        *col.columns(col.TEXTS, "consent_scope", nullable=True),
        *col.texts("consent_means", nullable=True),
        *col.columns(sa.Date(), "consent_withdrawn_on", nullable=True),
        *col.columns(col.TIMESTAMP, "erased_at", nullable=True),
        *_edited("client_case"),
        col.unique("client_case", "org_id", "external_id"),
        col.unique("client_case", "org_id", "reference"),
    )
    _by_creation("ix_client_case_org_created", "client_case", "org_id")
    op.create_index(
        "ix_client_case_worklist", "client_case", ["assigned_worker", "status", "next_review_on"]
    )
    op.create_table(
        "volunteer",
        col.uuid_id(generated=True),
        *col.texts("org_id", "display_name"),
        *col.texts("contact", nullable=True),
        sa.Column("languages", col.TEXTS, server_default="{}", nullable=False),
        sa.Column("fields", col.TEXTS, server_default="{}", nullable=False),
        col.flag("active"),
        *_edited("volunteer"),
    )
    _by_creation("ix_volunteer_org_created", "volunteer", "org_id")
    _case_record(
        "consultation",
        *col.columns(sa.Date(), "held_on"),
        *col.columns(sa.SmallInteger(), "duration_minutes"),
        *col.texts("mode"),
        *col.columns(col.TEXTS, "fields"),
        *col.texts("notes", nullable=True),
        *col.texts("recorded_by"),
    )
    op.create_table(
        "person_data",
        *_of_case("person_data"),
        *col.texts("name", nullable=True),
        *col.columns(sa.SmallInteger(), "birth_year", nullable=True),
        *col.texts("gender", "country_of_origin", nullable=True),
        *col.columns(col.TEXTS, "languages", nullable=True),
        *col.texts("residence_status", nullable=True),
        *col.columns(sa.SmallInteger(), "household_size", nullable=True),
        *col.texts(
            "schooling",
            "vocational_training",
            "degree",
            "qualifications",
            "competencies",
            nullable=True,
        ),
        *col.columns(sa.Boolean(), "recognition_pending", nullable=True),
        col.at_now("updated_at"),
        col.pk("person_data", "case_id"),
    )
    op.create_table(
        "plan_version",
        col.uuid_id(generated=True),
        *_of_case("plan_version"),
        *col.columns(sa.Integer(), "number"),
        *col.texts("change_note", nullable=True),
        *col.columns(sa.Date(), "next_review_on", nullable=True),
        *col.texts("created_by"),
        col.at_now("created_at"),
        col.pk("plan_version"),
        col.unique("plan_version", "case_id", "number"),
    )
    _case_record(
        "referral",
        *col.texts("agency", "field"),
        *col.columns(sa.Date(), "referred_on"),
        sa.Column("status", sa.Text(), server_default="sent", nullable=False),
        *col.texts("notes", nullable=True),
    )
    _case_record(
        "volunteer_assignment",
        *col.reference("volunteer_assignment", "volunteer_id", "volunteer", ondelete="CASCADE"),
        *col.texts("field"),
        *col.columns(sa.Date(), "started_on"),
        *col.columns(sa.Date(), "ended_on", nullable=True),
        *col.texts("notes", nullable=True),
    )
    op.create_index(
        "ix_volunteer_assignment_volunteer_id", "volunteer_assignment", ["volunteer_id"]
    )
    op.create_table(
        "plan_goal",
        *col.reference("plan_goal", "plan_version_id", "plan_version", ondelete="CASCADE"),
        *col.columns(sa.SmallInteger(), "position"),
        *_of_case("plan_goal"),
        *col.texts("field", "status"),
        *col.texts("description", "agreed_steps", "responsible", nullable=True),
        *col.columns(sa.Date(), "target_on", nullable=True),
        col.pk("plan_goal", "plan_version_id", "position"),
    )
    op.create_index("ix_plan_goal_case_id", "plan_goal", ["case_id"])


def downgrade() -> None:
    drop_tables(
        "plan_goal",
        "volunteer_assignment",
        "referral",
        "plan_version",
        "person_data",
        "consultation",
        "volunteer",
        "client_case",
        "case_reference_counter",
        "access_log",
    )
