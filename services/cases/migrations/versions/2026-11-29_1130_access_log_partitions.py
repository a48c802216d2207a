"""access_log partitioned by month

Issue 16: the access log gains a row per personal-data read and was emptied by row-wise DELETE.
Rebuilt as partitioned by RANGE (at), one partition per month plus a default partition
(services/common/partitions.py, docs/adr/0020-monthly-partitions.md), retention drops a whole
month with one DROP TABLE. The primary key is (id, at). Rows and ids are kept
(services/common/repartition.py); downgrade rebuilds the plain table with the same rows.
"""

from services.common.migration_ops import monthly_partitions

revision = "0005_partitions"
down_revision = "0004_figures_indexes"

upgrade, downgrade = monthly_partitions(("access_log", "at"))
