"""token revocation: the list of revoked users, clients and logins the services follow"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col

revision = "0004_token_revocation"
down_revision = "0003_signing_key_activation"


def upgrade() -> None:
    op.create_table(
        "token_revocation",
        *col.choice("token_revocation", "kind", "user", "client", "session"),
        col.text("subject", comment="the tokens' sub (user, client) or sid (session)"),
        sa.Column(
            "revoked_at",
            sa.BigInteger(),
            nullable=False,
            comment="epoch seconds, auth's clock: access tokens with iat up to it are refused",
        ),
        col.pk("token_revocation", "kind", "subject"),
    )
    op.create_index("ix_token_revocation_revoked_at", "token_revocation", ["revoked_at"])


def downgrade() -> None:
    op.drop_table("token_revocation")
