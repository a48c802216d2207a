"""indexes for the hot filters, org_id on contacts and plans, monthly figures

Issue 16: the `assigned_worker` and `field` filters, the worklist, `updated_since`, the
anonymization job and the key figures each get the index their query reads (docs/PERFORMANCE.md
has the plans).
Consultations, referrals and plan versions carry their case's `org_id` (filled by a trigger
from the case, so every writer, present and future, sets it), so the figures of one
organization read only its rows. `figure_month` holds the additive figures per organization
and month, kept by triggers in the transaction of each change (services/cases/figures/
aggregates.py has the SQL, imported here; a later change to the triggers gets its own revision
that drops and recreates them; tests/cases/test_figure_month.py checks them against a recount).
"""

import sqlalchemy as sa
from alembic import op

from services.cases.figures.aggregates import DROP_TRIGGERS_SQL, RECOUNT_SQL, TRIGGERS_SQL
from services.common import migration_columns as col

revision = "0004_figures_indexes"
down_revision = "0003_commissioned_readers"

_CHILDREN = ("consultation", "referral", "plan_version")
_REVIEW_KEY = sa.text("COALESCE(next_review_on, '9999-12-31'::date)")


def upgrade() -> None:
    op.create_index(
        "ix_client_case_org_worker",
        "client_case",
        ["org_id", "assigned_worker", "created_at", "id"],
    )
    op.drop_index("ix_client_case_worklist", table_name="client_case")
    op.create_index(
        "ix_client_case_worklist",
        "client_case",
        [sa.text("org_id"), sa.text("assigned_worker"), _REVIEW_KEY, sa.text("id")],
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_index("ix_client_case_org_updated", "client_case", ["org_id", "updated_at"])
    op.create_index("ix_client_case_org_opened", "client_case", ["org_id", "opened_on"])
    op.create_index(
        "ix_client_case_closed",
        "client_case",
        ["closed_on", "id"],
        postgresql_where=sa.text("status = 'closed' AND erased_at IS NULL"),
    )
    op.create_index("ix_client_case_org_closed_on", "client_case", ["org_id", "closed_on"])
    op.create_index("ix_plan_goal_field_case", "plan_goal", ["field", "case_id"])
    for table in _CHILDREN:
        op.add_column(table, sa.Column("org_id", sa.Text(), nullable=True))
        op.execute(
            f"UPDATE {table} t SET org_id = c.org_id FROM client_case c WHERE c.id = t.case_id"  # noqa: S608
        )
        op.alter_column(table, "org_id", nullable=False, comment="the case's (set by a trigger)")
    op.create_index("ix_consultation_org_held", "consultation", ["org_id", "held_on"])
    op.create_index("ix_referral_org_referred", "referral", ["org_id", "referred_on"])
    op.create_index(
        "ix_plan_version_org_case", "plan_version", ["org_id", "case_id", "number", "created_at"]
    )
    op.create_table(
        "figure_month",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False, comment="first day of the month"),
        sa.Column("figure", sa.Text(), nullable=False),
        col.text("key", comment="agency, closing reason, or ''"),
        sa.Column("org_path", col.TEXTS, nullable=False, comment="AGS chain of org"),
        sa.Column("n", sa.BigInteger(), nullable=False),
        col.pk("figure_month", "org_id", "month", "figure", "key"),
    )
    op.create_index("ix_figure_month_month", "figure_month", ["month"])
    for statement in [*TRIGGERS_SQL, *RECOUNT_SQL]:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_TRIGGERS_SQL:
        op.execute(statement)
    op.drop_table("figure_month")
    op.drop_index("ix_plan_version_org_case", table_name="plan_version")
    op.drop_index("ix_referral_org_referred", table_name="referral")
    op.drop_index("ix_consultation_org_held", table_name="consultation")
    for table in _CHILDREN:
        op.drop_column(table, "org_id")
    op.drop_index("ix_plan_goal_field_case", table_name="plan_goal")
    op.drop_index("ix_client_case_org_closed_on", table_name="client_case")
    op.drop_index("ix_client_case_closed", table_name="client_case")
    op.drop_index("ix_client_case_org_opened", table_name="client_case")
    op.drop_index("ix_client_case_org_updated", table_name="client_case")
    op.drop_index("ix_client_case_worklist", table_name="client_case")
    op.create_index(
        "ix_client_case_worklist", "client_case", ["assigned_worker", "status", "next_review_on"]
    )
    op.drop_index("ix_client_case_org_worker", table_name="client_case")
