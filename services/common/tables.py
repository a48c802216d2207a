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
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.schema import SchemaItem

from services.common.columns import at_now, identity_id, owned_by, partition_key, stamps
from services.common.db import new_metadata

common_metadata = new_metadata()


def _body_naming_a_case(table: str, name: str) -> list[SchemaItem]:
    """The JSON body of an audit entry or event, and the indexes by which erasure and
    anonymization find a case's rows: by the case's id, or by the `case_id` the body names."""
    return [
        Column(name, JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Index(f"ix_{table}_entity_id", "entity_id"),
        Index(f"ix_{table}_case_id", text(f"({name} ->> 'case_id'::text)")),
    ]


audit_entry = Table(
    "audit_entry",
    common_metadata,
    identity_id(),
    partition_key("at"),
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
    *_body_naming_a_case("audit_entry", "details"),
    Index("ix_audit_entry_entity", "entity_type", "entity_id", "id"),
    postgresql_partition_by="RANGE (at)",
)

outbox_event = Table(
    "outbox_event",
    common_metadata,
    identity_id(),
    # the writing transaction: the feed only hands out events of finished transactions,
    # ordered by (tx, id), so a late commit can never slip behind a reader's cursor
    Column(
        "tx_num",
        BigInteger,
        nullable=False,
        server_default=text("pg_current_xact_id()::text::bigint"),
    ),
    partition_key("occurred_at"),
    Column("type", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column(
        "audience", ARRAY(Text), nullable=False, comment="organization ids that may read the event"
    ),
    *_body_naming_a_case("outbox_event", "payload"),
    Index("ix_outbox_event_feed", "tx_num", "id"),
    Index("ix_outbox_event_audience", "audience", postgresql_using="gin"),
    postgresql_partition_by="RANGE (occurred_at)",
)

# One row per organization an event's `audience` names, so the feed of one organization is an
# ordered index range scan of its own rows however many events other organizations have (the
# GIN index on `audience` cannot give the feed's order). Written by a statement trigger on
# `outbox_event` (common revision 0006), so every writer of events,
# raw SQL included, fills it in the same transaction; partitioned like the outbox, and expired
# by the same retention period (services/common/retention.py).
outbox_reader = Table(
    "outbox_reader",
    common_metadata,
    Column("org", Text, primary_key=True, comment="one entry of the event's audience"),
    Column("tx_num", BigInteger, primary_key=True, comment="outbox_event.tx_num: the order"),
    Column("event_id", BigInteger, primary_key=True, comment="outbox_event.id (no foreign key)"),
    Column("occurred_at", DateTime(timezone=True), primary_key=True, nullable=False),
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
    at_now("created_at"),
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
    *stamps(),
    CheckConstraint("state IN ('active', 'paused', 'disabled')", name="state"),
    Index("ix_webhook_subscription_organization_id", "organization_id", "created_at", "id"),
)

webhook_delivery = Table(
    "webhook_delivery",
    common_metadata,
    identity_id(),
    owned_by("subscription_id", Uuid, "webhook_subscription"),
    Column("event_id", BigInteger, nullable=False, comment="outbox_event.id (no foreign key)"),
    Column("event_tx", BigInteger, nullable=False, comment="outbox_event.tx_num: the order"),
    Column("event_type", Text, nullable=False),
    Column("state", Text, nullable=False, server_default=text("'pending'")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    at_now("next_attempt_at"),
    at_now("created_at"),
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
    identity_id(),
    owned_by("delivery_id", BigInteger, "webhook_delivery"),
    Column("subscription_id", Uuid, nullable=False),
    at_now("at"),
    Column("status_code", Integer, nullable=True),
    Column("duration_ms", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("outcome", Text, nullable=False),
    Column("next_retry_at", DateTime(timezone=True), nullable=True),
    Index("ix_webhook_attempt_subscription_id", "subscription_id", "id"),
    Index("ix_webhook_attempt_delivery_id", "delivery_id"),
)
