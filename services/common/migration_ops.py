"""Operations the alembic revisions repeat, written once (their column shapes:
services/common/migration_columns.py).

Frozen like those shapes: applied revisions call these, so what they do must never change; for
another behaviour, add another helper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from services.common.repartition import rebuild


def add_columns(table: str, *columns: sa.Column[Any]) -> None:
    """`op.add_column` of each of `columns` to `table`, in order."""
    for column in columns:
        op.add_column(table, column)


def drop_columns(table: str, *names: str) -> None:
    """`op.drop_column` of each of `names` from `table`, in order."""
    for name in names:
        op.drop_column(table, name)


def drop_tables(*tables: str) -> None:
    """Drops `tables` in the order given (dependents first); their indexes go with them, so a
    downgrade names no index of a table it drops."""
    for table in tables:
        op.drop_table(table)


def monthly_partitions(
    *tables: tuple[str, str],
) -> tuple[Callable[[], None], Callable[[], None]]:
    """`upgrade` and `downgrade` of a revision that rebuilds each `(table, time column)` as
    partitioned by month, its primary key `(id, column)`, and back as plain tables keyed by
    `id` (services/common/repartition.py, docs/adr/0020-monthly-partitions.md)."""

    def upgrade() -> None:
        for table, column in tables:
            rebuild(table, column, ("id", column), partitioned=True)

    def downgrade() -> None:
        for table, column in reversed(tables):
            rebuild(table, column, ("id",), partitioned=False)

    return upgrade, downgrade


def index_each(table: str, *columns: str) -> None:
    """An index `ix_<table>_<column>` on each of `columns` alone (the models' `index=True`)."""
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])
