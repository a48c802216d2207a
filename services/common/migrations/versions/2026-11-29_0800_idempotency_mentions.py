"""idempotency_record.mentions: the ids a stored response names, so erasure finds it by index

An erasure (GDPR Art. 17) replaces every stored response that names the erased case. Reading
each response's text for each case id took seconds per 100 ids on 100,000 records; the ids
the response names, kept beside it with a GIN index, make that one indexed `&&`. Records
stored before this revision have NULL here and are found by their text until they expire.
"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.add_column(
        "idempotency_record",
        sa.Column(
            "mentions",
            col.TEXTS,
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
    op.drop_column("idempotency_record", "mentions")  # its index goes with it
