"""common tables: audit trail, events outbox, idempotency records (services/common/tables.py)

Branch `common`, run by every service database (see ../README.md). Until the common branch
existed, each service carried a copy of this revision under the same id, so databases migrated
back then already name it (or a service revision that needs it) in alembic_version.
"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import drop_tables

revision = "0001"
down_revision = None
branch_labels = ("common",)


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        col.identity_id(),
        col.at_now("at"),
        col.text(
            "actor", nullable=True, comment="subject of the token, or the operator for CLI changes"
        ),
        *col.texts("actor_org", nullable=True),
        *col.texts("action", "entity_type", "entity_id"),
        *col.texts("request_id", nullable=True),
        col.json_object("details"),
        col.pk("audit_entry"),
    )
    op.create_index("ix_audit_entry_entity", "audit_entry", ["entity_type", "entity_id", "id"])
    op.create_table(
        "idempotency_record",
        col.text("scope", comment="who used the key: subject and organization"),
        *col.texts("key", "fingerprint"),
        sa.Column("status_code", sa.Integer(), nullable=True),
        *col.columns(col.JSONB, "response_body", "response_headers", nullable=True),
        col.at_now("created_at"),
        col.pk("idempotency_record", "scope", "key"),
    )
    op.create_table(
        "outbox_event",
        col.identity_id(),
        sa.Column(
            "tx_num",
            sa.BigInteger(),
            server_default=sa.text("pg_current_xact_id()::text::bigint"),
            nullable=False,
        ),
        col.at_now("occurred_at"),
        *col.texts("type", "entity_type", "entity_id"),
        sa.Column(
            "audience",
            col.TEXTS,
            nullable=False,
            comment="organization ids that may read the event",
        ),
        col.json_object("payload"),
        col.pk("outbox_event"),
    )
    op.create_index(
        "ix_outbox_event_audience", "outbox_event", ["audience"], postgresql_using="gin"
    )
    op.create_index("ix_outbox_event_feed", "outbox_event", ["tx_num", "id"])


def downgrade() -> None:
    drop_tables("outbox_event", "idempotency_record", "audit_entry")
