"""Keyset pages in SQL: the rows after a cursor's position, in a stable order.

The SQL half of `services.common.pagination`: `cursor_after` reads the position, `keyset`
narrows and orders the statement, `make_page` builds the page from its `limit + 1` rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, tuple_

Ts = TypeVarTuple("Ts")

BY_CREATED = (dt.datetime.fromisoformat, uuid.UUID)
"""Parsers of the usual `(created_at, id)` cursor, for `cursor_after`."""


def created_key(row: Any) -> tuple[str, str]:
    """The `(created_at, id)` position of a row, for `make_page`."""
    return row.created_at.isoformat(), str(row.id)


def keyset(
    stmt: Select[*Ts],
    keys: Sequence[ColumnElement[Any]],
    after: tuple[Any, ...] | None,
    limit: int,
    *,
    descending: bool = False,
) -> Select[*Ts]:
    """`stmt` ordered by `keys`, from just after `after` (None: the first page), `limit + 1` rows.

    The extra row only tells `make_page` that a next page exists.
    """
    if after is not None:
        position, cursor = tuple_(*keys), tuple_(*after)
        stmt = stmt.where(position < cursor if descending else position > cursor)
    order = [key.desc() for key in keys] if descending else list(keys)
    return stmt.order_by(*order).limit(limit + 1)
