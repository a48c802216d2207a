"""idempotency_record.mentions: the ids a stored response names, so erasure finds it by index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 08:00:00

An erasure (GDPR Art. 17) replaces every stored response that names the erased case. Reading
each response's text for each case id took seconds per 100 ids on 100,000 records; the ids
the response names, kept beside it with a GIN index, make that one indexed `&&`. Records
stored before this revision have NULL here and are found by their text until they expire.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "idempotency_record",
        sa.Column(
            "mentions",
            postgresql.ARRAY(sa.Text()),
            nullable=True,
            comment="ids (UUIDs) the stored response names: erasure finds it by them",
        ),
    )
    op.create_index(
        "ix_idempotency_record_mentions",
        "idempotency_record",
        ["mentions"],
        postgresql_using="gin",
    )


def downgrade() -> None:
    op.drop_index("ix_idempotency_record_mentions", table_name="idempotency_record")
    op.drop_column("idempotency_record", "mentions")
