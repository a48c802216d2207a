"""outbox_reader: the events feed of one organization as an ordered index range

Issue 16: the feed of a small organization walked `ix_outbox_event_feed` in (tx_num, id) order
and discarded every other organization's event (`Rows Removed by Filter: 26862` for 101 rows
at 3M cases); the GIN index on `audience` matches the filter but cannot give the order.
`outbox_reader` holds one row per organization an event's audience names, keyed
(org, tx_num, event_id, occurred_at), so a page is a range scan of the reader's own rows.

A statement-level trigger on `outbox_event` writes the rows from the statement's transition
table: every writer (emit, the one-statement hot paths, bulk loads, raw SQL) fills it in the
same transaction, one extra INSERT per statement however many events it appends. Events are
append-only and their audience never changes, so INSERT is the only trigger needed.
Partitioned by month like the outbox (docs/adr/0020-monthly-partitions.md); existing events
get their rows here.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from services.common.partitions import (
    Month,
    create_default_sql,
    create_partition_sql,
    months,
    months_ahead,
)

revision = "0006"
down_revision = "0005"

_FUNCTION = """
CREATE FUNCTION outbox_reader_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_reader (org, tx_num, event_id, occurred_at)
    SELECT DISTINCT reader, added.tx_num, added.id, added.occurred_at
    FROM added CROSS JOIN LATERAL unnest(added.audience) AS reader;
    RETURN NULL;
END
$$
"""
_TRIGGER = (
    "CREATE TRIGGER outbox_reader_write AFTER INSERT ON outbox_event"
    " REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outbox_reader_write()"
)


def upgrade() -> None:
    op.create_table(
        "outbox_reader",
        sa.Column("org", sa.Text(), nullable=False, comment="one entry of the event's audience"),
        sa.Column(
            "tx_num", sa.BigInteger(), nullable=False, comment="outbox_event.tx_num: the order"
        ),
        sa.Column(
            "event_id", sa.BigInteger(), nullable=False, comment="outbox_event.id (no foreign key)"
        ),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "org", "tx_num", "event_id", "occurred_at", name=op.f("pk_outbox_reader")
        ),
        postgresql_partition_by="RANGE (occurred_at)",
    )
    # the same months as the outbox: from its oldest partition (or now) to three months ahead
    oldest = op.get_bind().execute(sa.text("SELECT min(occurred_at) FROM outbox_event")).scalar()
    coming = months_ahead(dt.datetime.now(dt.UTC))
    first = min(Month.of(oldest), coming[0]) if oldest is not None else coming[0]
    for month in months(first, coming[-1]):
        op.execute(create_partition_sql("outbox_reader", month))
    op.execute(create_default_sql("outbox_reader"))
    op.execute(_FUNCTION)
    op.execute(_TRIGGER)
    op.execute(
        "INSERT INTO outbox_reader (org, tx_num, event_id, occurred_at)"
        " SELECT DISTINCT reader, e.tx_num, e.id, e.occurred_at"
        " FROM outbox_event e CROSS JOIN LATERAL unnest(e.audience) AS reader"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER outbox_reader_write ON outbox_event")
    op.execute("DROP FUNCTION outbox_reader_write()")
    op.drop_table("outbox_reader")
