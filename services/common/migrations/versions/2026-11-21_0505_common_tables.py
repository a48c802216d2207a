"""common tables: audit trail, events outbox, idempotency records (services/common/tables.py)

Revision ID: 0001
Revises:
Create Date: 2026-11-21 05:05:04.284356

Branch `common`, run by every service database (see ../README.md). Until the common branch
existed, each service carried a copy of this revision under the same id, so databases migrated
back then already name it (or a service revision that needs it) in alembic_version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, identity_id, pk

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("common",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        identity_id(),
        at_now("at"),
        sa.Column(
            "actor",
            sa.Text(),
            nullable=True,
            comment="subject of the token, or the operator for CLI changes",
        ),
        sa.Column("actor_org", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("entity_type", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("request_id", sa.Text(), nullable=True),
        sa.Column(
            "details",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        pk("audit_entry"),
    )
    op.create_index(
        "ix_audit_entry_entity", "audit_entry", ["entity_type", "entity_id", "id"], unique=False
    )
    op.create_table(
        "idempotency_record",
        sa.Column(
            "scope", sa.Text(), nullable=False, comment="who used the key: subject and organization"
        ),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("response_headers", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        at_now("created_at"),
        pk("idempotency_record", "scope", "key"),
    )
    op.create_table(
        "outbox_event",
        identity_id(),
        sa.Column(
            "tx_num",
            sa.BigInteger(),
            server_default=sa.text("pg_current_xact_id()::text::bigint"),
            nullable=False,
        ),
        at_now("occurred_at"),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("entity_type", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column(
            "audience",
            postgresql.ARRAY(sa.Text()),
            nullable=False,
            comment="organization ids that may read the event",
        ),
        sa.Column(
            "payload",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        pk("outbox_event"),
    )
    op.create_index(
        "ix_outbox_event_audience",
        "outbox_event",
        ["audience"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index("ix_outbox_event_feed", "outbox_event", ["tx_num", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_outbox_event_feed", table_name="outbox_event")
    op.drop_index("ix_outbox_event_audience", table_name="outbox_event", postgresql_using="gin")
    op.drop_table("outbox_event")
    op.drop_table("idempotency_record")
    op.drop_index("ix_audit_entry_entity", table_name="audit_entry")
    op.drop_table("audit_entry")
