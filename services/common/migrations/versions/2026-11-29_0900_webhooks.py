"""webhook subscriptions, deliveries and attempts (issue 14, services/common/webhooks/)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:00:00

Every service database gets the three tables: each service's worker delivers its own outbox.
Deliveries name outbox events by their id value, with no foreign key, so the outbox can be
partitioned by month (revision 0004) and pruned by retention without touching the log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from services.common.migration_columns import at_now, created_updated, fk, identity_id, pk, version

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "webhook_subscription",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Text(), nullable=False),
        sa.Column(
            "audience",
            postgresql.ARRAY(sa.Text()),
            nullable=True,
            comment="the feed's audience of the subscriber (NULL: every event, as the feed gives)",
        ),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("state", sa.Text(), server_default=sa.text("'active'"), nullable=False),
        sa.Column("state_reason", sa.Text(), nullable=True),
        sa.Column(
            "secret",
            sa.Text(),
            nullable=False,
            comment="whsec_ HMAC key; the worker signs with it",
        ),
        sa.Column("previous_secret", sa.Text(), nullable=True),
        sa.Column("previous_secret_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "after_tx",
            sa.BigInteger(),
            nullable=False,
            comment="fan-out cursor: outbox (tx_num, id)",
        ),
        sa.Column("after_id", sa.BigInteger(), nullable=False),
        sa.Column("lease_owner", sa.Text(), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        *created_updated(),
        version(),
        sa.CheckConstraint(
            "state IN ('active', 'paused', 'disabled')", name=op.f("ck_webhook_subscription_state")
        ),
        pk("webhook_subscription"),
    )
    op.create_index(
        "ix_webhook_subscription_organization_id",
        "webhook_subscription",
        ["organization_id", "created_at", "id"],
    )
    op.create_table(
        "webhook_delivery",
        identity_id(),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column(
            "event_id", sa.BigInteger(), nullable=False, comment="outbox_event.id (no foreign key)"
        ),
        sa.Column(
            "event_tx",
            sa.BigInteger(),
            nullable=False,
            comment="outbox_event.tx_num: the order",
        ),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), server_default=sa.text("'pending'"), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        at_now("next_attempt_at"),
        at_now("created_at"),
        sa.CheckConstraint(
            "state IN ('pending', 'delivered', 'failed')", name=op.f("ck_webhook_delivery_state")
        ),
        fk("webhook_delivery", "subscription_id", "webhook_subscription", ondelete="CASCADE"),
        pk("webhook_delivery"),
        sa.UniqueConstraint(
            "subscription_id", "event_id", name=op.f("uq_webhook_delivery_subscription_id_event_id")
        ),
    )
    op.create_index(
        "ix_webhook_delivery_pending",
        "webhook_delivery",
        ["subscription_id", "event_tx", "event_id"],
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "webhook_attempt",
        identity_id(),
        sa.Column("delivery_id", sa.BigInteger(), nullable=False),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        at_now("at"),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("next_retry_at", sa.DateTime(timezone=True), nullable=True),
        fk("webhook_attempt", "delivery_id", "webhook_delivery", ondelete="CASCADE"),
        pk("webhook_attempt"),
    )
    op.create_index(
        "ix_webhook_attempt_subscription_id", "webhook_attempt", ["subscription_id", "id"]
    )
    op.create_index("ix_webhook_attempt_delivery_id", "webhook_attempt", ["delivery_id"])


def downgrade() -> None:
    op.drop_table("webhook_attempt")
    op.drop_table("webhook_delivery")
    op.drop_table("webhook_subscription")
