"""directory accounts clients tokens keys"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import drop_tables

revision = "0002_directory_accounts"
down_revision = None
branch_labels = ("auth",)
depends_on = "0001"


def _principal(table: str, name: str, changed: str) -> list[Any]:
    """What accounts and API clients both keep beside their own columns: `active`, the version,
    the times of creation, of the last change and of `changed` (deactivation, secret rotation),
    the primary key and the unique login `name`."""
    return [
        col.flag("active"),
        col.version(),
        *col.created_updated(),
        *col.columns(col.TIMESTAMP, changed, nullable=True),
        col.pk(table),
        col.unique(table, name),
    ]


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        col.text("key", comment="'account:<username>' or 'ip:<address>'"),
        sa.Column("failures", sa.Integer(), nullable=False),
        *col.columns(col.TIMESTAMP, "last_failure_at"),
        *col.columns(col.TIMESTAMP, "locked_until", nullable=True),
        col.pk("login_throttle", "key"),
    )
    op.create_table(
        "organization",
        col.uuid_id(),
        *col.texts("kind"),
        *col.texts("name"),
        col.text("ags", nullable=True, comment="Amtlicher Gemeindeschlüssel (prefix)"),
        col.text("slug", nullable=True, comment="stable name of seeded orgs without AGS"),
        *col.reference("organization", "parent_id", "organization", nullable=True),
        sa.Column("org_path", col.TEXTS, nullable=False, comment="AGS chain from the state down"),
        col.flag("key_verified"),
        col.version(),
        *col.created_updated(),
        sa.CheckConstraint(
            "kind IN ('state','region','rural_district','urban_district','municipality','consortium','provider','ministry','platform')",
            name=op.f("ck_organization_kind"),
        ),
        col.pk("organization"),
        col.unique("organization", "ags"),
        col.unique("organization", "slug"),
    )
    op.create_index("ix_organization_name", "organization", ["name", "id"])
    op.create_index("ix_organization_parent", "organization", ["parent_id", "name", "id"])
    op.create_table(
        "signing_key",
        *col.texts("kid"),
        sa.Column("private_key_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("public_jwk", col.JSONB, nullable=False),
        col.at_now("created_at"),
        sa.Column("retired_at", col.TIMESTAMP, nullable=True, comment="when a newer key took over"),
        col.pk("signing_key", "kid"),
    )
    op.create_index(
        "uq_signing_key_active",
        "signing_key",
        [sa.literal_column("(retired_at IS NULL)")],
        unique=True,
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.create_table(
        "account",
        col.uuid_id(),
        col.text("username", comment="lower case login name"),
        *col.texts("display_name"),
        *col.reference("account", "organization_id", "organization"),
        *col.columns(col.TEXTS, "roles"),
        *col.texts("password_hash"),
        *_principal("account", "username", "deactivated_at"),
    )
    op.create_index("ix_account_org", "account", ["organization_id", "username"])
    op.create_table(
        "api_client",
        col.uuid_id(),
        *col.texts("client_id", "name"),
        *col.reference("api_client", "organization_id", "organization"),
        *col.columns(col.TEXTS, "roles", "scopes"),
        col.text("secret_hash", comment="sha256 of the high-entropy secret"),
        *_principal("api_client", "client_id", "secret_rotated_at"),
    )
    op.create_index("ix_api_client_org", "api_client", ["organization_id", "client_id"])
    op.create_table(
        "consortium_member",
        *col.reference("consortium_member", "consortium_id", "organization"),
        *col.reference("consortium_member", "member_id", "organization"),
        col.pk("consortium_member", "consortium_id", "member_id"),
    )
    op.create_table(
        "refresh_token",
        col.uuid_id(),
        *col.texts("token_hash"),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        *col.reference("refresh_token", "account_id", "account"),
        *col.texts("scope"),
        col.at_now("created_at"),
        *col.columns(col.TIMESTAMP, "expires_at"),
        sa.Column(
            "used_at", col.TIMESTAMP, nullable=True, comment="rotated: a second use is reuse"
        ),
        *col.columns(col.TIMESTAMP, "revoked_at", nullable=True),
        col.pk("refresh_token"),
        col.unique("refresh_token", "token_hash"),
    )
    op.create_index("ix_refresh_token_account", "refresh_token", ["account_id"])
    op.create_index("ix_refresh_token_family", "refresh_token", ["family_id"])


def downgrade() -> None:
    drop_tables(
        "refresh_token",
        "consortium_member",
        "api_client",
        "account",
        "signing_key",
        "organization",
        "login_throttle",
    )
