"""commissioned cases, access-log readers

Cases a charity delivers for a commissioning organization (or under a grant) record it, so
their key figures count for it; access-log rows name the reader (display name, organization
kind, roles) as the token did.

Revision ID: 0003_commissioned_readers
Revises: 0002_case_file
Create Date: 2026-11-29 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_commissioned_readers"
down_revision: str | None = "0002_case_file"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "client_case",
        sa.Column(
            "commissioned_by",
            sa.Text(),
            nullable=True,
            comment="a charity's case: the commissioning organization it is delivered for",
        ),
    )
    op.add_column(
        "client_case",
        sa.Column("grant_id", sa.UUID(), nullable=True, comment="the grant it counts for"),
    )
    op.create_index(
        "ix_client_case_commissioned", "client_case", ["org_id", "commissioned_by"], unique=False
    )
    op.add_column(
        "access_log",
        sa.Column(
            "actor_name",
            sa.Text(),
            nullable=True,
            comment="the reader's display name (token `name`)",
        ),
    )
    op.add_column(
        "access_log",
        sa.Column(
            "actor_roles",
            postgresql.ARRAY(sa.Text()),
            nullable=True,
            comment="the reader's roles (token)",
        ),
    )
    op.add_column(
        "access_log",
        sa.Column(
            "actor_org_kind", sa.Text(), nullable=True, comment="the reader's organization kind"
        ),
    )


def downgrade() -> None:
    op.drop_column("access_log", "actor_org_kind")
    op.drop_column("access_log", "actor_roles")
    op.drop_column("access_log", "actor_name")
    op.drop_index("ix_client_case_commissioned", table_name="client_case")
    op.drop_column("client_case", "grant_id")
    op.drop_column("client_case", "commissioned_by")
