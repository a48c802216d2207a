"""audit_entry and outbox_event partitioned by month

Issue 16: both tables grow with every change and were emptied by row-wise DELETE. Rebuilt as
partitioned by RANGE on their time column, one partition per month plus a default partition
(services/common/partitions.py, docs/adr/0020-monthly-partitions.md), retention drops a whole
month with one DROP TABLE. The primary key includes the partition key: (id, at) and
(id, occurred_at). Rows and ids are kept (services/common/repartition.py); downgrade rebuilds
plain tables with the same rows.
"""

from services.common.migration_ops import monthly_partitions

revision = "0005"
down_revision = "0004"

upgrade, downgrade = monthly_partitions(("audit_entry", "at"), ("outbox_event", "occurred_at"))
