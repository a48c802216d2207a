"""Migration step: rebuild a table as partitioned by month, or back as a plain table, keeping
its rows, ids, defaults, identity, comments and indexes (common 0005, cases 0005_partitions).

PostgreSQL cannot turn a table into a partitioned one in place. So the table is renamed, an
empty one of the same columns (`LIKE`) is created under the old name, its primary key and
indexes are recreated from the catalog's definitions of the old ones, the rows are copied
(`OVERRIDING SYSTEM VALUE`: ids kept) and the identity continues where the old one stood. The
old table goes last. Nothing may point at the table by foreign key (none does: webhook
deliveries name events by value, services/common/tables.py).
"""

from __future__ import annotations

import datetime as dt

from alembic import op
from sqlalchemy import text

from services.common.partitions import (
    Month,
    create_default_sql,
    create_partition_sql,
    months,
    months_ahead,
)


def _indexes(table: str) -> list[tuple[str, str]]:
    rows = op.get_bind().execute(
        text(
            "SELECT indexname, indexdef FROM pg_indexes"
            " WHERE schemaname = 'public' AND tablename = :t AND indexname <> :pkey"  # the key
            " ORDER BY indexname"
        ),
        {"t": table, "pkey": f"pk_{table}"},
    )
    return [(name, definition) for name, definition in rows]


def _cascading(definition: str, table: str) -> str:
    """The catalog defines a partitioned table's index `ON ONLY` it; recreated on the new
    table, the index must reach its partitions too."""
    return definition.replace(f"ON ONLY public.{table} ", f"ON public.{table} ")


def _months_of(swapped: str, column: str) -> list[Month]:
    oldest = op.get_bind().execute(text(f'SELECT min("{column}") FROM "{swapped}"')).scalar()  # noqa: S608
    now = dt.datetime.now(dt.UTC)
    coming = months_ahead(now)
    first = min(Month.of(oldest), coming[0]) if oldest is not None else coming[0]
    return months(first, coming[-1])


def rebuild(table: str, column: str, key: tuple[str, ...], *, partitioned: bool) -> None:
    """Rebuilds `table` partitioned by RANGE (`column`) monthly, or plain; `key` is the new
    primary key (a partitioned table's includes `column`)."""
    swapped = f"{table}_rebuilt"
    indexes = _indexes(table)
    op.execute(f'ALTER TABLE "{table}" RENAME TO "{swapped}"')
    op.execute(f'ALTER TABLE "{swapped}" RENAME CONSTRAINT "pk_{table}" TO "pk_{swapped}"')
    op.execute(f'ALTER SEQUENCE "{table}_id_seq" RENAME TO "{swapped}_id_seq"')
    for name, _ in indexes:
        op.execute(f'DROP INDEX "{name}"')
    partition_by = f' PARTITION BY RANGE ("{column}")' if partitioned else ""
    op.execute(
        f'CREATE TABLE "{table}" (LIKE "{swapped}" INCLUDING DEFAULTS INCLUDING IDENTITY'
        f" INCLUDING COMMENTS INCLUDING STORAGE){partition_by}"
    )
    columns = ", ".join(f'"{c}"' for c in key)
    op.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "pk_{table}" PRIMARY KEY ({columns})')
    for _, definition in indexes:
        op.execute(_cascading(definition, table))
    if partitioned:
        for month in _months_of(swapped, column):
            op.execute(create_partition_sql(table, month))
        op.execute(create_default_sql(table))
    op.execute(f'INSERT INTO "{table}" OVERRIDING SYSTEM VALUE SELECT * FROM "{swapped}"')  # noqa: S608
    # the new identity goes on where the old one stood, so no id is ever handed out twice
    op.execute(
        f"SELECT setval('\"{table}_id_seq\"', last_value, is_called)"  # noqa: S608
        f' FROM "{swapped}_id_seq"'
    )
    op.execute(f'DROP TABLE "{swapped}"')
