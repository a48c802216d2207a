"""signing key activation: a key signs from `activates_at` on; existing keys from creation"""

from alembic import op

from services.common import migration_columns as col

revision = "0003_signing_key_activation"
down_revision = "0002_directory_accounts"


def upgrade() -> None:
    comment = "signs from then on; published in the JWKS from creation"
    op.add_column("signing_key", col.at_now("activates_at", comment=comment))
    op.execute("UPDATE signing_key SET activates_at = created_at")


def downgrade() -> None:
    op.drop_column("signing_key", "activates_at")
