"""commissioned cases, access-log readers

Cases a charity delivers for a commissioning organization (or under a grant) record it, so
their key figures count for it; access-log rows name the reader (display name, organization
kind, roles) as the token did.
"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import add_columns, drop_columns

revision = "0003_commissioned_readers"
down_revision = "0002_case_file"


def upgrade() -> None:
    add_columns(
        "client_case",
        col.text(
            "commissioned_by",
            nullable=True,
            comment="a charity's case: the commissioning organization it is delivered for",
        ),
        sa.Column("grant_id", sa.Uuid(), nullable=True, comment="the grant it counts for"),
    )
    op.create_index("ix_client_case_commissioned", "client_case", ["org_id", "commissioned_by"])
    add_columns(
        "access_log",
        col.text("actor_name", nullable=True, comment="the reader's display name (token `name`)"),
        sa.Column("actor_roles", col.TEXTS, nullable=True, comment="the reader's roles (token)"),
        col.text("actor_org_kind", nullable=True, comment="the reader's organization kind"),
    )


def downgrade() -> None:
    drop_columns("access_log", "actor_org_kind", "actor_roles", "actor_name")
    drop_columns("client_case", "grant_id", "commissioned_by")  # its index goes too
