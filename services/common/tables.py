"""Tables every service database has: audit trail, events outbox, idempotency records.

They live in their own MetaData; each service's alembic env targets both its own and this one.
Their history is the one alembic branch `common` (services/common/migrations/), which every
service database runs: a change here gets one revision there, not one per service.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    Table,
    Text,
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
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
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
    Column("occurred_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("type", Text, nullable=False),
    Column("entity_type", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column(
        "audience", ARRAY(Text), nullable=False, comment="organization ids that may read the event"
    ),
    Column("payload", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Index("ix_outbox_event_feed", "tx_num", "id"),
    Index("ix_outbox_event_audience", "audience", postgresql_using="gin"),
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
