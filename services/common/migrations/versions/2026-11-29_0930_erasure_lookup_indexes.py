"""indexes that find a case's audit entries and events (erasure, anonymization)

Issue 16: scrubbing the audit trail and the outbox of a case matched rows by `entity_id` or the
`case_id` their JSON names with a sequential scan of both tables, for every erasure and every
batch of the anonymization job. These indexes make it a bitmap OR of index lookups
(docs/PERFORMANCE.md has the plans).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_entry_entity_id", "audit_entry", ["entity_id"])
    op.create_index(
        "ix_audit_entry_case_id", "audit_entry", [sa.text("(details ->> 'case_id'::text)")]
    )
    op.create_index("ix_outbox_event_entity_id", "outbox_event", ["entity_id"])
    op.create_index(
        "ix_outbox_event_case_id", "outbox_event", [sa.text("(payload ->> 'case_id'::text)")]
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_event_case_id", table_name="outbox_event")
    op.drop_index("ix_outbox_event_entity_id", table_name="outbox_event")
    op.drop_index("ix_audit_entry_case_id", table_name="audit_entry")
    op.drop_index("ix_audit_entry_entity_id", table_name="audit_entry")
