"""directory accounts clients tokens keys

Revision ID: 0002_directory_accounts
Revises:
Depends on: 0001 (common tables)
Create Date: 2026-11-21 05:11:26.330201
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, created_updated, fk, pk, version

revision: str = "0002_directory_accounts"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("auth",)
depends_on: str | Sequence[str] | None = "0001"


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column(
            "key", sa.Text(), nullable=False, comment="'account:<username>' or 'ip:<address>'"
        ),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        pk("login_throttle", "key"),
    )
    op.create_table(
        "organization",
        sa.Column("id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ags", sa.Text(), nullable=True, comment="Amtlicher Gemeindeschlüssel (prefix)"),
        sa.Column(
            "slug", sa.Text(), nullable=True, comment="stable name of seeded orgs without AGS"
        ),
        sa.Column("parent_id", sa.UUID(as_uuid=False), nullable=True),
        sa.Column(
            "org_path",
            postgresql.ARRAY(sa.Text()),
            nullable=False,
            comment="AGS chain from the state down",
        ),
        sa.Column("key_verified", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        version(),
        *created_updated(),
        sa.CheckConstraint(
            "kind IN ('state','region','rural_district','urban_district','municipality','consortium','provider','ministry','platform')",
            name=op.f("ck_organization_kind"),
        ),
        fk("organization", "parent_id", "organization"),
        pk("organization"),
        sa.UniqueConstraint("ags", name=op.f("uq_organization_ags")),
        sa.UniqueConstraint("slug", name=op.f("uq_organization_slug")),
    )
    op.create_index("ix_organization_name", "organization", ["name", "id"], unique=False)
    op.create_index(
        "ix_organization_parent", "organization", ["parent_id", "name", "id"], unique=False
    )
    op.create_table(
        "signing_key",
        sa.Column("kid", sa.Text(), nullable=False),
        sa.Column("private_key_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("public_jwk", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        at_now("created_at"),
        sa.Column(
            "retired_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="when a newer key took over",
        ),
        pk("signing_key", "kid"),
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
        sa.Column("id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("username", sa.Text(), nullable=False, comment="lower case login name"),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("roles", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        version(),
        *created_updated(),
        sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True),
        fk("account", "organization_id", "organization"),
        pk("account"),
        sa.UniqueConstraint("username", name=op.f("uq_account_username")),
    )
    op.create_index("ix_account_org", "account", ["organization_id", "username"], unique=False)
    op.create_table(
        "api_client",
        sa.Column("id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("roles", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("scopes", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column(
            "secret_hash", sa.Text(), nullable=False, comment="sha256 of the high-entropy secret"
        ),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        version(),
        *created_updated(),
        sa.Column("secret_rotated_at", sa.DateTime(timezone=True), nullable=True),
        fk("api_client", "organization_id", "organization"),
        pk("api_client"),
        sa.UniqueConstraint("client_id", name=op.f("uq_api_client_client_id")),
    )
    op.create_index(
        "ix_api_client_org", "api_client", ["organization_id", "client_id"], unique=False
    )
    op.create_table(
        "consortium_member",
        sa.Column("consortium_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("member_id", sa.UUID(as_uuid=False), nullable=False),
        fk("consortium_member", "consortium_id", "organization"),
        fk("consortium_member", "member_id", "organization"),
        pk("consortium_member", "consortium_id", "member_id"),
    )
    op.create_table(
        "refresh_token",
        sa.Column("id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("family_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("account_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        at_now("created_at"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "used_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="rotated: a second use is reuse",
        ),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        fk("refresh_token", "account_id", "account"),
        pk("refresh_token"),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_token_token_hash")),
    )
    op.create_index("ix_refresh_token_account", "refresh_token", ["account_id"], unique=False)
    op.create_index("ix_refresh_token_family", "refresh_token", ["family_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_refresh_token_family", table_name="refresh_token")
    op.drop_index("ix_refresh_token_account", table_name="refresh_token")
    op.drop_table("refresh_token")
    op.drop_table("consortium_member")
    op.drop_index("ix_api_client_org", table_name="api_client")
    op.drop_table("api_client")
    op.drop_index("ix_account_org", table_name="account")
    op.drop_table("account")
    op.drop_index(
        "uq_signing_key_active",
        table_name="signing_key",
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.drop_table("signing_key")
    op.drop_index("ix_organization_parent", table_name="organization")
    op.drop_index("ix_organization_name", table_name="organization")
    op.drop_table("organization")
    op.drop_table("login_throttle")
