"""indexes that find a case's audit entries and events (erasure, anonymization)

Issue 16: scrubbing the audit trail and the outbox of a case matched rows by `entity_id` or the
`case_id` their JSON names with a sequential scan of both tables, for every erasure and every
batch of the anonymization job. These indexes make it a bitmap OR of index lookups
(docs/PERFORMANCE.md has the plans).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


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
