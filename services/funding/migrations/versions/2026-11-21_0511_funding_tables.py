"""funding tables"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import drop_tables, index_each

revision = "0002_funding_tables"
down_revision = None
branch_labels = ("funding",)
depends_on = "0001"

_FTE = sa.Numeric(precision=4, scale=2)  # full-time equivalents, 0.25 to 1
_NOTICE_NUMBERS = sa.Sequence("decision_notice_number_seq")


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(_NOTICE_NUMBERS))
    op.create_table(
        "decision_batch",
        col.uuid_id(),
        *col.choice("decision_batch", "mode", "per_item", "all_or_nothing"),
        *col.texts("created_by", "org_id"),
        *col.columns(sa.Integer(), "item_count", "decided", "skipped", "failed"),
        *col.columns(sa.Boolean(), "applied"),
        col.at_now("created_at"),
        col.pk("decision_batch"),
    )
    index_each("decision_batch", "org_id")
    op.create_table(
        "programme",
        col.uuid_id(),
        *col.texts("name"),
        *col.columns(sa.Date(), "period_start"),
        *col.columns(sa.Integer(), "period_months"),
        *col.money("total_budget", "booked_amount"),
        *col.columns(_FTE, "min_fte"),
        *col.money("min_frame"),
        *col.choice("programme", "deciding_mode", "statewide", "regional"),
        *col.texts("deciding_region", nullable=True),
        *col.columns(sa.Integer(), "proof_due_months"),
        col.at_now("created_at"),
        col.version(starts_at_one=False),
        sa.CheckConstraint(
            "booked_amount >= 0 AND booked_amount <= total_budget",
            name=op.f("ck_programme_budget_not_exceeded"),
        ),
        col.pk("programme"),
        col.unique("programme", "name"),
    )
    op.create_table(
        "consortium",
        col.uuid_id(),
        *col.reference("consortium", "programme_id", "programme"),
        *col.texts("name", "lead_org_id", "lead_ags"),
        col.at_now("created_at"),
        col.pk("consortium"),
    )
    index_each("consortium", "lead_org_id", "programme_id")
    op.create_table(
        "decision_batch_item",
        *col.reference("decision_batch_item", "batch_id", "decision_batch", ondelete="CASCADE"),
        *col.columns(sa.Integer(), "ordinal"),
        *col.columns(sa.Uuid(), "application_id"),
        *col.texts("decision"),
        *col.choice("decision_batch_item", "outcome", "decided", "skipped", "failed"),
        *col.texts("state", nullable=True),
        *col.money("granted_amount", nullable=True),
        *col.texts("notice_number", nullable=True),
        *col.columns(col.JSONB, "problem", nullable=True),
        col.pk("decision_batch_item", "batch_id", "ordinal"),
    )
    op.create_table(
        "planning_frame",
        col.uuid_id(),
        *col.reference("planning_frame", "programme_id", "programme"),
        *col.texts("ags", "org_id", "name"),
        *col.money("amount"),
        *col.choice("planning_frame", "status", "preliminary", "final"),
        *col.columns(sa.Date(), "reference_date"),
        col.at_now("updated_at"),
        col.version(starts_at_one=False),
        col.pk("planning_frame"),
        sa.UniqueConstraint("programme_id", "ags", name="uq_planning_frame_programme_ags"),
    )
    index_each("planning_frame", "org_id", "programme_id")
    op.create_table(
        "programme_rate",
        *col.reference("programme_rate", "programme_id", "programme", ondelete="CASCADE"),
        *col.texts("qualification"),
        *col.money("amount"),
        *col.texts("label"),
        *col.columns(sa.Boolean(), "is_example"),
        col.pk("programme_rate", "programme_id", "qualification"),
    )
    op.create_table(
        "application",
        col.uuid_id(),
        *col.reference("application", "programme_id", "programme"),
        *col.choice(
            "application",
            "state",
            *("draft", "submitted", "forwarded", "returned", "approved"),
            *("partially_approved", "rejected", "withdrawn"),
        ),
        *col.choice("application", "step", "applicant", "district", "council", "closed"),
        *col.choice("application", "applicant_kind", "municipality", "consortium", "district"),
        *col.texts(
            "applicant_org_id", "applicant_name", "applicant_ags", "district_ags", "region_ags"
        ),
        *col.texts("district_org_id", nullable=True),
        *col.texts("council_org_id", "council_ags"),
        *col.reference("application", "consortium_id", "consortium", nullable=True),
        *col.columns(col.TEXTS, "member_org_ids", "member_ags"),
        *col.choice(
            "application", "delivery_model", "own_staff", "provider", "delegated_to_district"
        ),
        *col.columns(col.TEXTS, "providers"),
        *col.money("frame_amount"),
        *col.texts("frame_status"),
        *col.money("requested_amount"),
        *col.money("granted_amount", nullable=True),
        *col.columns(sa.Boolean(), "early_start"),
        *col.columns(sa.Date(), "early_start_on", nullable=True),
        *col.columns(sa.Boolean(), "needs_review"),
        *col.texts("review_reason", "notice_number", nullable=True),
        *col.columns(col.TIMESTAMP, "submitted_at", "decided_at", nullable=True),
        *col.texts("created_by"),
        *col.created_updated(),
        col.version(starts_at_one=False),
        col.pk("application"),
        col.unique("application", "notice_number"),
    )
    index_each(
        "application",
        "applicant_org_id",
        "district_ags",
        "district_org_id",
        "programme_id",
        "submitted_at",
    )
    op.create_index("ix_application_council", "application", ["council_org_id", "state"])
    op.create_index("ix_application_list", "application", ["created_at", "id"])
    op.create_table(
        "consortium_member",
        *col.reference("consortium_member", "consortium_id", "consortium", ondelete="CASCADE"),
        *col.texts("ags"),
        *col.reference("consortium_member", "programme_id", "programme"),
        *col.texts("org_id"),
        col.pk("consortium_member", "consortium_id", "ags"),
        sa.UniqueConstraint("programme_id", "ags", name="uq_consortium_member_programme_ags"),
    )
    index_each("consortium_member", "org_id")
    op.create_table(
        "application_position",
        col.uuid_id(),
        *col.reference("application_position", "application_id", "application", ondelete="CASCADE"),
        *col.columns(sa.Integer(), "ordinal"),
        *col.texts("manager_name", "qualification"),
        *col.columns(_FTE, "fte"),
        *col.columns(sa.Date(), "start_on"),
        *col.columns(sa.Integer(), "months"),
        *col.money("rate", "amount"),
        sa.CheckConstraint("fte >= 0.25 AND fte <= 1", name=op.f("ck_application_position_fte")),
        col.pk("application_position"),
    )
    index_each("application_position", "application_id")
    op.create_table(
        "application_transition",
        col.identity_id(),
        *col.reference(
            "application_transition", "application_id", "application", ondelete="CASCADE"
        ),
        *col.texts("action", "from_state", "to_state", "actor", "actor_org"),
        *col.texts("comment", nullable=True),
        *col.money("granted_amount", nullable=True),
        *col.texts("notice_number", nullable=True),
        *col.columns(sa.Uuid(), "batch_id", nullable=True),
        col.at_now("at"),
        col.pk("application_transition"),
    )
    op.create_index(
        "ix_application_transition_app", "application_transition", ["application_id", "id"]
    )
    op.create_table(
        "proof_of_use",
        col.uuid_id(),
        *col.reference("proof_of_use", "application_id", "application"),
        *col.columns(col.JSONB, "months_worked", "key_figures"),
        *col.texts("report", "filed_by"),
        col.at_now("filed_at"),
        col.pk("proof_of_use"),
        col.unique("proof_of_use", "application_id"),
    )


def downgrade() -> None:
    drop_tables(
        "proof_of_use",
        "application_transition",
        "application_position",
        "consortium_member",
        "application",
        "programme_rate",
        "planning_frame",
        "decision_batch_item",
        "consortium",
        "programme",
        "decision_batch",
    )
    op.execute(sa.schema.DropSequence(_NOTICE_NUMBERS))
