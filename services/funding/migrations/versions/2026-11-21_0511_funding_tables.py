"""funding tables

Revision ID: 0002_funding_tables
Revises:
Depends on: 0001 (common tables)
Create Date: 2026-11-21 05:11:25.020859
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, created_updated, fk, identity_id, pk, version

revision: str = "0002_funding_tables"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("funding",)
depends_on: str | Sequence[str] | None = "0001"


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("decision_notice_number_seq")))
    op.create_table(
        "decision_batch",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("decided", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        at_now("created_at"),
        sa.CheckConstraint(
            "mode IN ('per_item', 'all_or_nothing')", name=op.f("ck_decision_batch_mode")
        ),
        pk("decision_batch"),
    )
    op.create_index(op.f("ix_decision_batch_org_id"), "decision_batch", ["org_id"], unique=False)
    op.create_table(
        "programme",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_months", sa.Integer(), nullable=False),
        sa.Column("total_budget", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("booked_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("min_fte", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("min_frame", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("deciding_mode", sa.Text(), nullable=False),
        sa.Column("deciding_region", sa.Text(), nullable=True),
        sa.Column("proof_due_months", sa.Integer(), nullable=False),
        at_now("created_at"),
        version(starts_at_one=False),
        sa.CheckConstraint(
            "deciding_mode IN ('statewide', 'regional')", name=op.f("ck_programme_deciding_mode")
        ),
        sa.CheckConstraint(
            "booked_amount >= 0 AND booked_amount <= total_budget",
            name=op.f("ck_programme_budget_not_exceeded"),
        ),
        pk("programme"),
        sa.UniqueConstraint("name", name=op.f("uq_programme_name")),
    )
    op.create_table(
        "consortium",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lead_org_id", sa.Text(), nullable=False),
        sa.Column("lead_ags", sa.Text(), nullable=False),
        at_now("created_at"),
        fk("consortium", "programme_id", "programme"),
        pk("consortium"),
    )
    op.create_index(op.f("ix_consortium_lead_org_id"), "consortium", ["lead_org_id"], unique=False)
    op.create_index(
        op.f("ix_consortium_programme_id"), "consortium", ["programme_id"], unique=False
    )
    op.create_table(
        "decision_batch_item",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.Column("granted_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("notice_number", sa.Text(), nullable=True),
        sa.Column("problem", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('decided', 'skipped', 'failed')",
            name=op.f("ck_decision_batch_item_outcome"),
        ),
        fk("decision_batch_item", "batch_id", "decision_batch", ondelete="CASCADE"),
        pk("decision_batch_item", "batch_id", "ordinal"),
    )
    op.create_table(
        "planning_frame",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("ags", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=False),
        at_now("updated_at"),
        version(starts_at_one=False),
        sa.CheckConstraint(
            "status IN ('preliminary', 'final')", name=op.f("ck_planning_frame_status")
        ),
        fk("planning_frame", "programme_id", "programme"),
        pk("planning_frame"),
        sa.UniqueConstraint("programme_id", "ags", name="uq_planning_frame_programme_ags"),
    )
    op.create_index(op.f("ix_planning_frame_org_id"), "planning_frame", ["org_id"], unique=False)
    op.create_index(
        op.f("ix_planning_frame_programme_id"), "planning_frame", ["programme_id"], unique=False
    )
    op.create_table(
        "programme_rate",
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("qualification", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("is_example", sa.Boolean(), nullable=False),
        fk("programme_rate", "programme_id", "programme", ondelete="CASCADE"),
        pk("programme_rate", "programme_id", "qualification"),
    )
    op.create_table(
        "application",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("step", sa.Text(), nullable=False),
        sa.Column("applicant_kind", sa.Text(), nullable=False),
        sa.Column("applicant_org_id", sa.Text(), nullable=False),
        sa.Column("applicant_name", sa.Text(), nullable=False),
        sa.Column("applicant_ags", sa.Text(), nullable=False),
        sa.Column("district_ags", sa.Text(), nullable=False),
        sa.Column("region_ags", sa.Text(), nullable=False),
        sa.Column("district_org_id", sa.Text(), nullable=True),
        sa.Column("council_org_id", sa.Text(), nullable=False),
        sa.Column("council_ags", sa.Text(), nullable=False),
        sa.Column("consortium_id", sa.Uuid(), nullable=True),
        sa.Column("member_org_ids", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("member_ags", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("delivery_model", sa.Text(), nullable=False),
        sa.Column("providers", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("frame_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("frame_status", sa.Text(), nullable=False),
        sa.Column("requested_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("granted_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("early_start", sa.Boolean(), nullable=False),
        sa.Column("early_start_on", sa.Date(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reason", sa.Text(), nullable=True),
        sa.Column("notice_number", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        *created_updated(),
        version(starts_at_one=False),
        sa.CheckConstraint(
            "applicant_kind IN ('municipality', 'consortium', 'district')",
            name=op.f("ck_application_applicant_kind"),
        ),
        sa.CheckConstraint(
            "delivery_model IN ('own_staff', 'provider', 'delegated_to_district')",
            name=op.f("ck_application_delivery_model"),
        ),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'forwarded', 'returned', 'approved', 'partially_approved', 'rejected', 'withdrawn')",
            name=op.f("ck_application_state"),
        ),
        sa.CheckConstraint(
            "step IN ('applicant', 'district', 'council', 'closed')",
            name=op.f("ck_application_step"),
        ),
        fk("application", "consortium_id", "consortium"),
        fk("application", "programme_id", "programme"),
        pk("application"),
        sa.UniqueConstraint("notice_number", name=op.f("uq_application_notice_number")),
    )
    op.create_index(
        op.f("ix_application_applicant_org_id"), "application", ["applicant_org_id"], unique=False
    )
    op.create_index(
        "ix_application_council", "application", ["council_org_id", "state"], unique=False
    )
    op.create_index(
        op.f("ix_application_district_ags"), "application", ["district_ags"], unique=False
    )
    op.create_index(
        op.f("ix_application_district_org_id"), "application", ["district_org_id"], unique=False
    )
    op.create_index("ix_application_list", "application", ["created_at", "id"], unique=False)
    op.create_index(
        op.f("ix_application_programme_id"), "application", ["programme_id"], unique=False
    )
    op.create_index(
        op.f("ix_application_submitted_at"), "application", ["submitted_at"], unique=False
    )
    op.create_table(
        "consortium_member",
        sa.Column("consortium_id", sa.Uuid(), nullable=False),
        sa.Column("ags", sa.Text(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        fk("consortium_member", "consortium_id", "consortium", ondelete="CASCADE"),
        fk("consortium_member", "programme_id", "programme"),
        pk("consortium_member", "consortium_id", "ags"),
        sa.UniqueConstraint("programme_id", "ags", name="uq_consortium_member_programme_ags"),
    )
    op.create_index(
        op.f("ix_consortium_member_org_id"), "consortium_member", ["org_id"], unique=False
    )
    op.create_table(
        "application_position",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("manager_name", sa.Text(), nullable=False),
        sa.Column("qualification", sa.Text(), nullable=False),
        sa.Column("fte", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.CheckConstraint("fte >= 0.25 AND fte <= 1", name=op.f("ck_application_position_fte")),
        fk("application_position", "application_id", "application", ondelete="CASCADE"),
        pk("application_position"),
    )
    op.create_index(
        op.f("ix_application_position_application_id"),
        "application_position",
        ["application_id"],
        unique=False,
    )
    op.create_table(
        "application_transition",
        identity_id(),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("from_state", sa.Text(), nullable=False),
        sa.Column("to_state", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("actor_org", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("granted_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("notice_number", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        at_now("at"),
        fk("application_transition", "application_id", "application", ondelete="CASCADE"),
        pk("application_transition"),
    )
    op.create_index(
        "ix_application_transition_app",
        "application_transition",
        ["application_id", "id"],
        unique=False,
    )
    op.create_table(
        "proof_of_use",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("months_worked", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("key_figures", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("filed_by", sa.Text(), nullable=False),
        at_now("filed_at"),
        fk("proof_of_use", "application_id", "application"),
        pk("proof_of_use"),
        sa.UniqueConstraint("application_id", name=op.f("uq_proof_of_use_application_id")),
    )


def downgrade() -> None:
    op.drop_table("proof_of_use")
    op.drop_index("ix_application_transition_app", table_name="application_transition")
    op.drop_table("application_transition")
    op.drop_index(op.f("ix_application_position_application_id"), table_name="application_position")
    op.drop_table("application_position")
    op.drop_index(op.f("ix_consortium_member_org_id"), table_name="consortium_member")
    op.drop_table("consortium_member")
    op.drop_index(op.f("ix_application_submitted_at"), table_name="application")
    op.drop_index(op.f("ix_application_programme_id"), table_name="application")
    op.drop_index("ix_application_list", table_name="application")
    op.drop_index(op.f("ix_application_district_org_id"), table_name="application")
    op.drop_index(op.f("ix_application_district_ags"), table_name="application")
    op.drop_index("ix_application_council", table_name="application")
    op.drop_index(op.f("ix_application_applicant_org_id"), table_name="application")
    op.drop_table("application")
    op.drop_table("programme_rate")
    op.drop_index(op.f("ix_planning_frame_programme_id"), table_name="planning_frame")
    op.drop_index(op.f("ix_planning_frame_org_id"), table_name="planning_frame")
    op.drop_table("planning_frame")
    op.drop_table("decision_batch_item")
    op.drop_index(op.f("ix_consortium_programme_id"), table_name="consortium")
    op.drop_index(op.f("ix_consortium_lead_org_id"), table_name="consortium")
    op.drop_table("consortium")
    op.drop_table("programme")
    op.drop_index(op.f("ix_decision_batch_org_id"), table_name="decision_batch")
    op.drop_table("decision_batch")
    op.execute(sa.schema.DropSequence(sa.Sequence("decision_notice_number_seq")))
