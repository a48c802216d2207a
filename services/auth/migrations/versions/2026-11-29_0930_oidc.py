"""OpenID Connect: client types and redirect URIs, authorization codes, TOTP second factor"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import add_columns, drop_columns, drop_tables

revision = "0005_oidc"
down_revision = "0004_token_revocation"

_HASH_COMMENT = "sha256 of the high-entropy secret"
_PUBLIC_COMMENT = _HASH_COMMENT + "; none for public clients"


def _secret_hash(*, public: bool) -> None:
    """api_client.secret_hash: NULL for public clients (upgrade), required again (downgrade)."""
    op.alter_column(
        "api_client",
        "secret_hash",
        nullable=public,
        comment=_PUBLIC_COMMENT if public else _HASH_COMMENT,
        existing_comment=_HASH_COMMENT if public else _PUBLIC_COMMENT,
        existing_type=sa.Text(),
    )


def upgrade() -> None:
    _secret_hash(public=True)
    add_columns(
        "api_client",
        sa.Column(
            "client_type", sa.Text(), server_default=sa.text("'confidential'"), nullable=False
        ),
        sa.Column("redirect_uris", col.TEXTS, server_default=sa.text("'{}'"), nullable=False),
        sa.Column(
            "post_logout_redirect_uris", col.TEXTS, server_default=sa.text("'{}'"), nullable=False
        ),
        sa.Column(
            "grant_types",
            col.TEXTS,
            server_default=sa.text("'{client_credentials}'"),
            nullable=False,
        ),
    )
    op.create_check_constraint(
        op.f("ck_api_client_client_type"), "api_client", "client_type IN ('confidential','public')"
    )
    add_columns(
        "account",
        sa.Column(
            "totp_secret_encrypted",
            sa.LargeBinary(),
            nullable=True,
            comment="RFC 6238 secret, encrypted like the signing keys",
        ),
        sa.Column("totp_confirmed_at", col.TIMESTAMP),
        sa.Column("totp_last_step", sa.BigInteger(), comment="a code's time step works once"),
    )
    add_columns(
        "refresh_token",
        col.text("client_id", nullable=True, comment="the client the login was for (code flow)"),
        sa.Column("auth_time", sa.BigInteger(), comment="when the user authenticated"),
    )
    op.create_table(
        "authorization_code",
        col.text("code_hash", comment="sha256 of the code; the code is not kept"),
        *col.texts("client_id", "redirect_uri"),
        col.text("code_challenge", comment="PKCE S256 challenge"),
        *col.reference("authorization_code", "account_id", "account"),
        *col.texts("scope"),
        *col.texts("nonce", nullable=True),
        sa.Column("auth_time", sa.BigInteger(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False, comment="the login (sid) it starts"),
        col.at_now("created_at"),
        *col.columns(col.TIMESTAMP, "expires_at"),
        sa.Column("used_at", col.TIMESTAMP, nullable=True, comment="a second use is reuse"),
        col.pk("authorization_code", "code_hash"),
    )
    op.create_index("ix_authorization_code_expires_at", "authorization_code", ["expires_at"])
    op.create_table(
        "totp_recovery_code",
        *col.reference("totp_recovery_code", "account_id", "account"),
        *col.texts("code_hash"),
        *col.columns(col.TIMESTAMP, "used_at", nullable=True),
        col.pk("totp_recovery_code", "account_id", "code_hash"),
    )


def downgrade() -> None:
    drop_tables("totp_recovery_code", "authorization_code")
    drop_columns("refresh_token", "auth_time", "client_id")
    drop_columns("account", "totp_last_step", "totp_confirmed_at", "totp_secret_encrypted")
    op.drop_constraint(op.f("ck_api_client_client_type"), "api_client", type_="check")
    drop_columns(
        "api_client", "grant_types", "post_logout_redirect_uris", "redirect_uris", "client_type"
    )
    op.execute("UPDATE api_client SET secret_hash = '' WHERE secret_hash IS NULL")
    _secret_hash(public=False)
