"""Tables of the auth service (its own MetaData, its own database).

SQLAlchemy Core tables, like the common kit's: organizations (the directory), accounts
(users), API clients, refresh tokens, signing keys, login throttling counters and the
revocation list the services follow.
Secrets are only ever stored hashed; private signing keys only encrypted.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.columns import at_now, created_updated, version
from services.common.db import new_metadata

metadata = new_metadata()


def _editable() -> list[Column[object]]:
    """`version` (the ETag a change must name) and the creation and last change times."""
    return [version(), *created_updated()]


def _managed(unique_name: str, comment: str | None = None) -> list[Column[object]]:
    """What users and API clients share: a unique name, an organization, roles, active."""
    return [
        Column("id", UUID(as_uuid=False), primary_key=True),
        Column(unique_name, Text, nullable=False, unique=True, comment=comment),
        Column(
            "organization_id", UUID(as_uuid=False), ForeignKey("organization.id"), nullable=False
        ),
        Column("roles", ARRAY(Text), nullable=False),
        Column("active", Boolean, nullable=False, server_default=text("true")),
        *_editable(),
    ]


organization = Table(
    "organization",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("kind", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("ags", Text, nullable=True, unique=True, comment="Amtlicher Gemeindeschlüssel (prefix)"),
    Column(
        "slug", Text, nullable=True, unique=True, comment="stable name of seeded orgs without AGS"
    ),
    Column("parent_id", UUID(as_uuid=False), ForeignKey("organization.id"), nullable=True),
    Column("org_path", ARRAY(Text), nullable=False, comment="AGS chain from the state down"),
    Column("key_verified", Boolean, nullable=False, server_default=text("true")),
    *_editable(),
    CheckConstraint(
        "kind IN ('state','region','rural_district','urban_district','municipality',"
        "'consortium','provider','ministry','platform')",
        name="kind",
    ),
    Index("ix_organization_parent", "parent_id", "name", "id"),
    Index("ix_organization_name", "name", "id"),
)

consortium_member = Table(
    "consortium_member",
    metadata,
    Column("consortium_id", UUID(as_uuid=False), ForeignKey("organization.id"), primary_key=True),
    Column("member_id", UUID(as_uuid=False), ForeignKey("organization.id"), primary_key=True),
)

account = Table(
    "account",
    metadata,
    *_managed("username", comment="lower case login name"),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("deactivated_at", DateTime(timezone=True), nullable=True),
    Column(
        "totp_secret_encrypted",
        LargeBinary,
        nullable=True,
        comment="RFC 6238 secret, encrypted like the signing keys",
    ),
    Column("totp_confirmed_at", DateTime(timezone=True), nullable=True),
    Column("totp_last_step", BigInteger, nullable=True, comment="a code's time step works once"),
    Index("ix_account_org", "organization_id", "username"),
)

api_client = Table(
    "api_client",
    metadata,
    *_managed("client_id"),
    Column("name", Text, nullable=False),
    Column("scopes", ARRAY(Text), nullable=False),
    Column(
        "secret_hash",
        Text,
        nullable=True,
        comment="sha256 of the high-entropy secret; none for public clients",
    ),
    Column("secret_rotated_at", DateTime(timezone=True), nullable=True),
    Column("client_type", Text, nullable=False, server_default=text("'confidential'")),
    Column("redirect_uris", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column("post_logout_redirect_uris", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column(
        "grant_types",
        ARRAY(Text),
        nullable=False,
        server_default=text("'{client_credentials}'"),
    ),
    CheckConstraint("client_type IN ('confidential','public')", name="client_type"),
    Index("ix_api_client_org", "organization_id", "client_id"),
)

refresh_token = Table(
    "refresh_token",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("family_id", UUID(as_uuid=False), nullable=False),
    Column("account_id", UUID(as_uuid=False), ForeignKey("account.id"), nullable=False),
    Column("scope", Text, nullable=False),
    at_now("created_at"),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column(
        "used_at", DateTime(timezone=True), nullable=True, comment="rotated: a second use is reuse"
    ),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("client_id", Text, nullable=True, comment="the client the login was for (code flow)"),
    Column("auth_time", BigInteger, nullable=True, comment="when the user authenticated"),
    Index("ix_refresh_token_family", "family_id"),
    Index("ix_refresh_token_account", "account_id"),
)

signing_key = Table(
    "signing_key",
    metadata,
    Column("kid", Text, primary_key=True),
    Column("private_key_encrypted", LargeBinary, nullable=False),
    Column("public_jwk", JSONB, nullable=False),
    at_now("created_at"),
    at_now("activates_at", comment="signs from then on; published in the JWKS from creation"),
    Column(
        "retired_at", DateTime(timezone=True), nullable=True, comment="when a newer key took over"
    ),
    Index(
        "uq_signing_key_active",
        text("(retired_at IS NULL)"),
        unique=True,
        postgresql_where=text("retired_at IS NULL"),
    ),
)

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", Text, primary_key=True, comment="'account:<username>' or 'ip:<address>'"),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)

token_revocation = Table(
    "token_revocation",
    metadata,
    Column("kind", Text, primary_key=True),
    Column(
        "subject", Text, primary_key=True, comment="the tokens' sub (user, client) or sid (session)"
    ),
    Column(
        "revoked_at",
        BigInteger,
        nullable=False,
        comment="epoch seconds, auth's clock: access tokens with iat up to it are refused",
    ),
    CheckConstraint("kind IN ('user','client','session')", name="kind"),
    Index("ix_token_revocation_revoked_at", "revoked_at"),
)

authorization_code = Table(
    "authorization_code",
    metadata,
    Column("code_hash", Text, primary_key=True, comment="sha256 of the code; the code is not kept"),
    Column("client_id", Text, nullable=False),
    Column("redirect_uri", Text, nullable=False),
    Column("code_challenge", Text, nullable=False, comment="PKCE S256 challenge"),
    Column("account_id", UUID(as_uuid=False), ForeignKey("account.id"), nullable=False),
    Column("scope", Text, nullable=False),
    Column("nonce", Text, nullable=True),
    Column("auth_time", BigInteger, nullable=False),
    Column("family_id", UUID(as_uuid=False), nullable=False, comment="the login (sid) it starts"),
    at_now("created_at"),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True, comment="a second use is reuse"),
    Index("ix_authorization_code_expires_at", "expires_at"),
)

totp_recovery_code = Table(
    "totp_recovery_code",
    metadata,
    Column("account_id", UUID(as_uuid=False), ForeignKey("account.id"), primary_key=True),
    Column("code_hash", Text, primary_key=True),
    Column("used_at", DateTime(timezone=True), nullable=True),
)
