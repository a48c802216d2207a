"""webhook subscriptions, deliveries and attempts (issue 14, services/common/webhooks/)

Every service database gets the three tables: each service's worker delivers its own outbox.
Deliveries name outbox events by their id value, with no foreign key, so the outbox can be
partitioned by month (revision 0004) and pruned by retention without touching the log.
"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col
from services.common.migration_ops import drop_tables

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "webhook_subscription",
        col.uuid_id(),
        *col.texts("organization_id"),
        sa.Column(
            "audience",
            col.TEXTS,
            nullable=True,
            comment="the feed's audience of the subscriber (NULL: every event, as the feed gives)",
        ),
        *col.texts("url"),
        *col.columns(col.TEXTS, "event_types"),
        *col.texts("description", nullable=True),
        *col.choice(
            "webhook_subscription", "state", "active", "paused", "disabled", default="active"
        ),
        *col.texts("state_reason", nullable=True),
        col.text("secret", comment="whsec_ HMAC key; the worker signs with it"),
        *col.texts("previous_secret", nullable=True),
        *col.columns(col.TIMESTAMP, "previous_secret_until", nullable=True),
        sa.Column(
            "after_tx",
            sa.BigInteger(),
            nullable=False,
            comment="fan-out cursor: outbox (tx_num, id)",
        ),
        *col.columns(sa.BigInteger(), "after_id"),
        *col.texts("lease_owner", nullable=True),
        *col.columns(col.TIMESTAMP, "lease_until", nullable=True),
        *col.created_updated(),
        col.version(),
        col.pk("webhook_subscription"),
    )
    op.create_index(
        "ix_webhook_subscription_organization_id",
        "webhook_subscription",
        ["organization_id", "created_at", "id"],
    )
    op.create_table(
        "webhook_delivery",
        col.identity_id(),
        *col.reference(
            "webhook_delivery", "subscription_id", "webhook_subscription", ondelete="CASCADE"
        ),
        sa.Column(
            "event_id", sa.BigInteger(), nullable=False, comment="outbox_event.id (no foreign key)"
        ),
        sa.Column(
            "event_tx", sa.BigInteger(), nullable=False, comment="outbox_event.tx_num: the order"
        ),
        *col.texts("event_type"),
        *col.choice(
            "webhook_delivery", "state", "pending", "delivered", "failed", default="pending"
        ),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        col.at_now("next_attempt_at"),
        col.at_now("created_at"),
        col.pk("webhook_delivery"),
        col.unique("webhook_delivery", "subscription_id", "event_id"),
    )
    op.create_index(
        "ix_webhook_delivery_pending",
        "webhook_delivery",
        ["subscription_id", "event_tx", "event_id"],
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "webhook_attempt",
        col.identity_id(),
        *col.reference(
            "webhook_attempt",
            "delivery_id",
            "webhook_delivery",
            ondelete="CASCADE",
            type_=sa.BigInteger(),
        ),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        col.at_now("at"),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        *col.texts("error", nullable=True),
        *col.texts("outcome"),
        *col.columns(col.TIMESTAMP, "next_retry_at", nullable=True),
        col.pk("webhook_attempt"),
    )
    op.create_index(
        "ix_webhook_attempt_subscription_id", "webhook_attempt", ["subscription_id", "id"]
    )
    op.create_index("ix_webhook_attempt_delivery_id", "webhook_attempt", ["delivery_id"])


def downgrade() -> None:
    drop_tables("webhook_attempt", "webhook_delivery", "webhook_subscription")
