"""covering indexes for the key figures of one organization, goals on their plan version

Issue 16: the largest organization (~90,000 cases at 3 million) took 3.5 s. The figures are
one statement now (services/cases/figures/repository.py); these indexes let it read the
organization's cases, consultations, referrals and plan versions from indexes alone
(docs/PERFORMANCE.md has the plans). The child tables' `(org_id, date)` indexes and
`ix_plan_version_org_case` keep their keys and gain the columns counted. A plan version
carries the field and status of its goals (`goal_fields`, `goal_statuses`), kept by row
triggers on `plan_goal` (services/cases/figures/aggregates.py, imported here as revision 0004
does), so the goals of each case's latest plan are read with the version.
"""

import sqlalchemy as sa
from alembic import op

from services.cases.figures.aggregates import (
    DROP_GOAL_KEYS_SQL,
    GOAL_KEYS_RECOUNT_SQL,
    GOAL_KEYS_SQL,
)
from services.common import migration_columns as col
from services.common.migration_ops import add_columns, drop_columns

revision = "0006_key_figure_indexes"
down_revision = "0005_partitions"

# the columns of client_case that ix_client_case_org_figures carries (frozen here, as of 0006)
_CASE_FIGURES = "id opened_on closed_on status closing_reason commissioned_by grant_id".split()  # noqa: SIM905
_GOALS = ("fields", "statuses")
# (index, table, key, columns carried for the figures)
_WIDENED = [
    (
        "ix_consultation_org_held",
        "consultation",
        ["org_id", "held_on"],
        ["case_id", "duration_minutes"],
    ),
    ("ix_referral_org_referred", "referral", ["org_id", "referred_on"], ["case_id", "agency"]),
    (
        "ix_plan_version_org_case",
        "plan_version",
        ["org_id", "case_id", "number", "created_at"],
        [f"goal_{name}" for name in _GOALS],
    ),
]


def upgrade() -> None:
    add_columns(
        "plan_version",
        *(
            sa.Column(
                f"goal_{name}",
                col.TEXTS,
                nullable=False,
                server_default=sa.text("'{}'"),
                comment=f"the {name} of its goals in order (trigger plan_goal_keys, for key figures)",
            )
            for name in _GOALS
        ),
    )
    for statement in [*GOAL_KEYS_SQL, GOAL_KEYS_RECOUNT_SQL]:
        op.execute(statement)
    op.create_index(
        "ix_client_case_org_figures",
        "client_case",
        ["org_id", "assigned_worker"],
        postgresql_include=_CASE_FIGURES,
    )
    for name, table, key, include in _WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, key, postgresql_include=include)


def downgrade() -> None:
    for name, table, key, _ in _WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, key)
    op.drop_index("ix_client_case_org_figures", table_name="client_case")
    for statement in DROP_GOAL_KEYS_SQL:
        op.execute(statement)
    drop_columns("plan_version", *(f"goal_{name}" for name in _GOALS))
