"""OpenID Connect: client types and redirect URIs, authorization codes, TOTP second factor

Revision ID: 0005_oidc
Revises: 0004_token_revocation
Create Date: 2026-11-29 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, fk, pk

revision: str = "0005_oidc"
down_revision: str | None = "0004_token_revocation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXTS = postgresql.ARRAY(sa.Text())


def _client_columns() -> None:
    op.alter_column(
        "api_client",
        "secret_hash",
        nullable=True,
        comment="sha256 of the high-entropy secret; none for public clients",
        existing_comment="sha256 of the high-entropy secret",
        existing_type=sa.Text(),
    )
    op.add_column(
        "api_client",
        sa.Column(
            "client_type", sa.Text(), server_default=sa.text("'confidential'"), nullable=False
        ),
    )
    for name in ("redirect_uris", "post_logout_redirect_uris"):
        op.add_column(
            "api_client", sa.Column(name, TEXTS, server_default=sa.text("'{}'"), nullable=False)
        )
    op.add_column(
        "api_client",
        sa.Column(
            "grant_types", TEXTS, server_default=sa.text("'{client_credentials}'"), nullable=False
        ),
    )
    op.create_check_constraint(
        op.f("ck_api_client_client_type"), "api_client", "client_type IN ('confidential','public')"
    )


def _account_and_token_columns() -> None:
    op.add_column(
        "account",
        sa.Column(
            "totp_secret_encrypted",
            sa.LargeBinary(),
            nullable=True,
            comment="RFC 6238 secret, encrypted like the signing keys",
        ),
    )
    op.add_column("account", sa.Column("totp_confirmed_at", sa.DateTime(timezone=True)))
    op.add_column(
        "account",
        sa.Column("totp_last_step", sa.BigInteger(), comment="a code's time step works once"),
    )
    op.add_column(
        "refresh_token",
        sa.Column("client_id", sa.Text(), comment="the client the login was for (code flow)"),
    )
    op.add_column(
        "refresh_token",
        sa.Column("auth_time", sa.BigInteger(), comment="when the user authenticated"),
    )


def upgrade() -> None:
    _client_columns()
    _account_and_token_columns()
    op.create_table(
        "authorization_code",
        sa.Column(
            "code_hash",
            sa.Text(),
            nullable=False,
            comment="sha256 of the code; the code is not kept",
        ),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("redirect_uri", sa.Text(), nullable=False),
        sa.Column("code_challenge", sa.Text(), nullable=False, comment="PKCE S256 challenge"),
        sa.Column("account_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("nonce", sa.Text(), nullable=True),
        sa.Column("auth_time", sa.BigInteger(), nullable=False),
        sa.Column(
            "family_id",
            sa.UUID(as_uuid=False),
            nullable=False,
            comment="the login (sid) it starts",
        ),
        at_now("created_at"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "used_at", sa.DateTime(timezone=True), nullable=True, comment="a second use is reuse"
        ),
        fk("authorization_code", "account_id", "account"),
        pk("authorization_code", "code_hash"),
    )
    op.create_index(
        "ix_authorization_code_expires_at", "authorization_code", ["expires_at"], unique=False
    )
    op.create_table(
        "totp_recovery_code",
        sa.Column("account_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("code_hash", sa.Text(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        fk("totp_recovery_code", "account_id", "account"),
        pk("totp_recovery_code", "account_id", "code_hash"),
    )


def downgrade() -> None:
    op.drop_table("totp_recovery_code")
    op.drop_index("ix_authorization_code_expires_at", table_name="authorization_code")
    op.drop_table("authorization_code")
    for table, column in (
        ("refresh_token", "auth_time"),
        ("refresh_token", "client_id"),
        ("account", "totp_last_step"),
        ("account", "totp_confirmed_at"),
        ("account", "totp_secret_encrypted"),
    ):
        op.drop_column(table, column)
    op.drop_constraint(op.f("ck_api_client_client_type"), "api_client", type_="check")
    for column in ("grant_types", "post_logout_redirect_uris", "redirect_uris", "client_type"):
        op.drop_column("api_client", column)
    op.execute("UPDATE api_client SET secret_hash = '' WHERE secret_hash IS NULL")
    op.alter_column(
        "api_client",
        "secret_hash",
        nullable=False,
        comment="sha256 of the high-entropy secret",
        existing_comment="sha256 of the high-entropy secret; none for public clients",
        existing_type=sa.Text(),
    )
