"""Tables every service database has: audit trail, events outbox, idempotency records.

`audit_entry` and `outbox_event` are partitioned by month (services/common/partitions.py): their
primary keys include the time column, and no foreign key may point at them.

They live in their own MetaData; each service's alembic env targets both its own and this one.
Their history is the one alembic branch `common` (services/common/migrations/), which every
service database runs: a change here gets one revision there, not one per service.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from services.common.db import new_metadata

common_metadata = new_metadata()

audit_entry = Table(
    "audit_entry",
    common_metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    # the partition key is part of the primary key (services/common/partitions.py)
    Column(
        "at", DateTime(timezone=True), primary_key=True, nullable=False, server_default=func.now()
    ),
    Column(
        "actor",
        Text,
        nullable=True,
        comment="subject of the token, or the operator for CLI changes",
    ),
    Column("actor_org", Text, nullable=True),
    Column("action", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("request_id", Text, nullable=True),
    Column("details", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Index("ix_audit_entry_entity", "entity_type", "entity_id", "id"),
    # erasure and anonymization find a case's entries by its id or the case_id they name
    Index("ix_audit_entry_entity_id", "entity_id"),
    Index("ix_audit_entry_case_id", text("(details ->> 'case_id'::text)")),
    postgresql_partition_by="RANGE (at)",
)

outbox_event = Table(
    "outbox_event",
    common_metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    # the writing transaction: the feed only hands out events of finished transactions,
    # ordered by (tx, id), so a late commit can never slip behind a reader's cursor
    Column(
        "tx_num",
        BigInteger,
        nullable=False,
        server_default=text("pg_current_xact_id()::text::bigint"),
    ),
    Column(
        "occurred_at",
        DateTime(timezone=True),
        primary_key=True,
        nullable=False,
        server_default=func.now(),
    ),
    Column("type", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column(
        "audience", ARRAY(Text), nullable=False, comment="organization ids that may read the event"
    ),
    Column("payload", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Index("ix_outbox_event_feed", "tx_num", "id"),
    Index("ix_outbox_event_audience", "audience", postgresql_using="gin"),
    Index("ix_outbox_event_entity_id", "entity_id"),
    Index("ix_outbox_event_case_id", text("(payload ->> 'case_id'::text)")),
    postgresql_partition_by="RANGE (occurred_at)",
)

idempotency_record = Table(
    "idempotency_record",
    common_metadata,
    Column("scope", Text, primary_key=True, comment="who used the key: subject and organization"),
    Column("key", Text, primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("response_body", JSONB, nullable=True),
    Column("response_headers", JSONB, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column(
        "mentions",
        ARRAY(Text),
        nullable=True,
        comment="ids (UUIDs) the stored response names: erasure finds it by them",
    ),
    Index("ix_idempotency_record_mentions", "mentions", postgresql_using="gin"),
)

# --- webhooks (services/common/webhooks/): events reach their subscribers by id value only, so
# the outbox can be partitioned and pruned without cascading into the delivery log
webhook_subscription = Table(
    "webhook_subscription",
    common_metadata,
    Column("id", Uuid, primary_key=True),
    Column("organization_id", Text, nullable=False),
    Column(
        "audience",
        ARRAY(Text),
        nullable=True,
        comment="the feed's audience of the subscriber (NULL: every event, as the feed gives)",
    ),
    Column("url", Text, nullable=False),
    Column("event_types", ARRAY(Text), nullable=False),
    Column("description", Text, nullable=True),
    Column("state", Text, nullable=False, server_default=text("'active'")),
    Column("state_reason", Text, nullable=True),
    Column("secret", Text, nullable=False, comment="whsec_ HMAC key; the worker signs with it"),
    Column("previous_secret", Text, nullable=True),
    Column("previous_secret_until", DateTime(timezone=True), nullable=True),
    Column("after_tx", BigInteger, nullable=False, comment="fan-out cursor: outbox (tx_num, id)"),
    Column("after_id", BigInteger, nullable=False),
    Column("lease_owner", Text, nullable=True),
    Column("lease_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("version", Integer, nullable=False, server_default=text("1")),
    CheckConstraint("state IN ('active', 'paused', 'disabled')", name="state"),
    Index("ix_webhook_subscription_organization_id", "organization_id", "created_at", "id"),
)

webhook_delivery = Table(
    "webhook_delivery",
    common_metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "subscription_id",
        Uuid,
        ForeignKey("webhook_subscription.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("event_id", BigInteger, nullable=False, comment="outbox_event.id (no foreign key)"),
    Column("event_tx", BigInteger, nullable=False, comment="outbox_event.tx_num: the order"),
    Column("event_type", Text, nullable=False),
    Column("state", Text, nullable=False, server_default=text("'pending'")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("state IN ('pending', 'delivered', 'failed')", name="state"),
    UniqueConstraint("subscription_id", "event_id"),
    Index(
        "ix_webhook_delivery_pending",
        "subscription_id",
        "event_tx",
        "event_id",
        postgresql_where=text("state = 'pending'"),
    ),
)

webhook_attempt = Table(
    "webhook_attempt",
    common_metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "delivery_id",
        BigInteger,
        ForeignKey("webhook_delivery.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("subscription_id", Uuid, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("status_code", Integer, nullable=True),
    Column("duration_ms", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("outcome", Text, nullable=False),
    Column("next_retry_at", DateTime(timezone=True), nullable=True),
    Index("ix_webhook_attempt_subscription_id", "subscription_id", "id"),
    Index("ix_webhook_attempt_delivery_id", "delivery_id"),
)
