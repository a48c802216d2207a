"""access_log partitioned by month

Issue 16: the access log gains a row per personal-data read and was emptied by row-wise DELETE.
Rebuilt as partitioned by RANGE (at), one partition per month plus a default partition
(services/common/partitions.py, docs/adr/0020-monthly-partitions.md), retention drops a whole
month with one DROP TABLE. The primary key is (id, at). Rows and ids are kept
(services/common/repartition.py); downgrade rebuilds the plain table with the same rows.

Revision ID: 0005_partitions
Revises: 0004_figures_indexes
Create Date: 2026-11-29 11:30:00
"""

from collections.abc import Sequence

from services.common.repartition import rebuild

revision: str = "0005_partitions"
down_revision: str | None = "0004_figures_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild("access_log", "at", ("id", "at"), partitioned=True)


def downgrade() -> None:
    rebuild("access_log", "at", ("id",), partitioned=False)
