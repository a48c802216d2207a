"""case file

Revision ID: 0002_case_file
Revises:
Depends on: 0001 (common tables)
Create Date: 2026-11-21 05:14:35.843640
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, created_updated, fk, identity_id, pk, version

revision: str = "0002_case_file"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("cases",)
depends_on: str | Sequence[str] | None = "0001"


def upgrade() -> None:
    op.create_table(
        "access_log",
        identity_id(),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("actor_org", sa.Text(), nullable=False),
        sa.Column(
            "action",
            sa.Text(),
            nullable=False,
            comment="what was read: case, plan, consultations, export, ...",
        ),
        sa.Column("request_id", sa.Text(), nullable=True),
        at_now("at"),
        pk("access_log"),
    )
    op.create_index("ix_access_log_case", "access_log", ["case_id", "id"], unique=False)
    op.create_table(
        "case_reference_counter",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        pk("case_reference_counter", "org_id", "year"),
    )
    op.create_table(
        "client_case",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column(
            "org_id", sa.Text(), nullable=False, comment="owning organization (token claim `org`)"
        ),
        sa.Column(
            "org_path",
            postgresql.ARRAY(sa.Text()),
            nullable=False,
            comment="AGS chain of the owner at creation",
        ),
        sa.Column("municipality_ags", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("pseudonym", sa.Text(), nullable=False),
        sa.Column("assigned_worker", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        sa.Column("closing_reason", sa.Text(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column(
            "next_review_on", sa.Date(), nullable=True, comment="from the latest plan version"
        ),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_scope", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("consent_means", sa.Text(), nullable=True),
        sa.Column("consent_withdrawn_on", sa.Date(), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        *created_updated(),
        version(),
        pk("client_case"),
        sa.UniqueConstraint(
            "org_id", "external_id", name=op.f("uq_client_case_org_id_external_id")
        ),
        sa.UniqueConstraint("org_id", "reference", name=op.f("uq_client_case_org_id_reference")),
    )
    op.create_index(
        "ix_client_case_org_created", "client_case", ["org_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_client_case_worklist",
        "client_case",
        ["assigned_worker", "status", "next_review_on"],
        unique=False,
    )
    op.create_table(
        "volunteer",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("fields", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        *created_updated(),
        version(),
        pk("volunteer"),
    )
    op.create_index(
        "ix_volunteer_org_created", "volunteer", ["org_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "consultation",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.SmallInteger(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("fields", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        *created_updated(),
        version(),
        fk("consultation", "case_id", "client_case", ondelete="CASCADE"),
        pk("consultation"),
    )
    op.create_index(
        "ix_consultation_case", "consultation", ["case_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "person_data",
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column("country_of_origin", sa.Text(), nullable=True),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("residence_status", sa.Text(), nullable=True),
        sa.Column("household_size", sa.SmallInteger(), nullable=True),
        sa.Column("schooling", sa.Text(), nullable=True),
        sa.Column("vocational_training", sa.Text(), nullable=True),
        sa.Column("degree", sa.Text(), nullable=True),
        sa.Column("qualifications", sa.Text(), nullable=True),
        sa.Column("competencies", sa.Text(), nullable=True),
        sa.Column("recognition_pending", sa.Boolean(), nullable=True),
        at_now("updated_at"),
        fk("person_data", "case_id", "client_case", ondelete="CASCADE"),
        pk("person_data", "case_id"),
    )
    op.create_table(
        "plan_version",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        at_now("created_at"),
        fk("plan_version", "case_id", "client_case", ondelete="CASCADE"),
        pk("plan_version"),
        sa.UniqueConstraint("case_id", "number", name=op.f("uq_plan_version_case_id_number")),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("status", sa.Text(), server_default="sent", nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        *created_updated(),
        version(),
        fk("referral", "case_id", "client_case", ondelete="CASCADE"),
        pk("referral"),
    )
    op.create_index("ix_referral_case", "referral", ["case_id", "created_at", "id"], unique=False)
    op.create_table(
        "volunteer_assignment",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("volunteer_id", sa.UUID(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *created_updated(),
        version(),
        fk("volunteer_assignment", "case_id", "client_case", ondelete="CASCADE"),
        fk("volunteer_assignment", "volunteer_id", "volunteer", ondelete="CASCADE"),
        pk("volunteer_assignment"),
    )
    op.create_index(
        "ix_volunteer_assignment_case",
        "volunteer_assignment",
        ["case_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_volunteer_assignment_volunteer_id",
        "volunteer_assignment",
        ["volunteer_id"],
        unique=False,
    )
    op.create_table(
        "plan_goal",
        sa.Column("plan_version_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("case_id", sa.UUID(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("agreed_steps", sa.Text(), nullable=True),
        sa.Column("responsible", sa.Text(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        fk("plan_goal", "case_id", "client_case", ondelete="CASCADE"),
        fk("plan_goal", "plan_version_id", "plan_version", ondelete="CASCADE"),
        pk("plan_goal", "plan_version_id", "position"),
    )
    op.create_index("ix_plan_goal_case_id", "plan_goal", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_plan_goal_case_id", table_name="plan_goal")
    op.drop_table("plan_goal")
    op.drop_index("ix_volunteer_assignment_volunteer_id", table_name="volunteer_assignment")
    op.drop_index("ix_volunteer_assignment_case", table_name="volunteer_assignment")
    op.drop_table("volunteer_assignment")
    op.drop_index("ix_referral_case", table_name="referral")
    op.drop_table("referral")
    op.drop_table("plan_version")
    op.drop_table("person_data")
    op.drop_index("ix_consultation_case", table_name="consultation")
    op.drop_table("consultation")
    op.drop_index("ix_volunteer_org_created", table_name="volunteer")
    op.drop_table("volunteer")
    op.drop_index("ix_client_case_worklist", table_name="client_case")
    op.drop_index("ix_client_case_org_created", table_name="client_case")
    op.drop_table("client_case")
    op.drop_table("case_reference_counter")
    op.drop_index("ix_access_log_case", table_name="access_log")
    op.drop_table("access_log")
