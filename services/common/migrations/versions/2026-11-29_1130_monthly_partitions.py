"""audit_entry and outbox_event partitioned by month

Issue 16: both tables grow with every change and were emptied by row-wise DELETE. Rebuilt as
partitioned by RANGE on their time column, one partition per month plus a default partition
(services/common/partitions.py, docs/adr/0020-monthly-partitions.md), retention drops a whole
month with one DROP TABLE. The primary key includes the partition key: (id, at) and
(id, occurred_at). Rows and ids are kept (services/common/repartition.py); downgrade rebuilds
plain tables with the same rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 11:30:00
"""

from collections.abc import Sequence

from services.common.repartition import rebuild

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild("audit_entry", "at", ("id", "at"), partitioned=True)
    rebuild("outbox_event", "occurred_at", ("id", "occurred_at"), partitioned=True)


def downgrade() -> None:
    rebuild("outbox_event", "occurred_at", ("id",), partitioned=False)
    rebuild("audit_entry", "at", ("id",), partitioned=False)
