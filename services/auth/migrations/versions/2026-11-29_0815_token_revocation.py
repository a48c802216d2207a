"""token revocation: the list of revoked users, clients and logins the services follow

Revision ID: 0004_token_revocation
Revises: 0003_signing_key_activation
Create Date: 2026-11-29 08:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_token_revocation"
down_revision: str | None = "0003_signing_key_activation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "token_revocation",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column(
            "subject",
            sa.Text(),
            nullable=False,
            comment="the tokens' sub (user, client) or sid (session)",
        ),
        sa.Column(
            "revoked_at",
            sa.BigInteger(),
            nullable=False,
            comment="epoch seconds, auth's clock: access tokens with iat up to it are refused",
        ),
        sa.CheckConstraint(
            "kind IN ('user','client','session')", name=op.f("ck_token_revocation_kind")
        ),
        sa.PrimaryKeyConstraint("kind", "subject", name=op.f("pk_token_revocation")),
    )
    op.create_index(
        "ix_token_revocation_revoked_at", "token_revocation", ["revoked_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_token_revocation_revoked_at", table_name="token_revocation")
    op.drop_table("token_revocation")
