"""Rows hanging off a case (consultations, referrals, volunteer assignments): one way for all.

Adding needs a case the caller reaches; changes go under If-Match; every read of them is a
read of the case's personal data and goes through `casefile.service.read_personal`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Row, Table
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.casefile.service import get_case, read_personal
from services.cases.errors import InvalidTransition, ItemNotFound
from services.cases.items import repository as repo
from services.cases.vocab import AccessAction
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.keyset import BY_CREATED, created_key
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import Texts, texts

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One kind of row under a case: its table, its answer model, what reading it is logged as."""

    table: Table
    model: type[R]
    logged_as: AccessAction

    def read(self, row: Any) -> R:
        return self.model.model_validate(row, from_attributes=True)

    def of_case(self, case_id: uuid.UUID) -> ColumnElement[bool]:
        return self.table.c.case_id == case_id


async def locked(
    session: AsyncSession,
    table: Table,
    item_id: uuid.UUID,
    scope: ColumnElement[bool],
    if_match: str | None,
    missing: Texts | None = None,
) -> Row[Any]:
    """The row, locked for a change and checked against If-Match (404 `missing` if absent)."""
    row = await repo.get(session, table, item_id, scope, lock=True)
    if row is None:
        raise ItemNotFound(missing)
    check_if_match(if_match, row.version)
    return row


def refuse_nulls(table: Table, changes: dict[str, Any]) -> None:
    """A partial update may clear optional fields only (409 for the others)."""
    for key, value in changes.items():
        if value is None and not table.c[key].nullable:
            raise InvalidTransition(
                texts(
                    f"{key} cannot be null",
                    f"{key} darf nicht null sein",
                )
            )


async def add(
    session: AsyncSession,
    who: Principal,
    kind: Kind[R],
    case_id: uuid.UUID,
    values: dict[str, Any],
    event: str,
    payload: dict[str, Any],
) -> R:
    """Adds a row under the caller's case (404 if it cannot reach the case) with its audit entry
    and event; `payload` says what the event tells beside the ids (never free text)."""
    await get_case(session, who, case_id)
    row = await repo.add(session, kind.table, {**values, "case_id": case_id})
    await _changed(session, who, kind.table, case_id, row.id, event, {}, payload)
    return kind.read(row)


async def change(
    session: AsyncSession,
    who: Principal,
    kind: Kind[R],
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    if_match: str | None,
    changes: dict[str, Any],
    event: str | Callable[[Row[Any]], str],
) -> R:
    """Applies `changes` under If-Match (428/412) with its audit entry and event. `event` may be
    a rule that checks the move from the current row and names the event."""
    current = await locked(session, kind.table, item_id, kind.of_case(case_id), if_match)
    name = event if isinstance(event, str) else event(current)
    refuse_nulls(kind.table, changes)
    row = await repo.change(session, kind.table, item_id, changes)
    said = {k: str(v) for k, v in changes.items() if k != "notes"}
    fields = {"fields": sorted(changes)}
    await _changed(session, who, kind.table, case_id, row.id, name, fields, said)
    return kind.read(row)


async def _changed(
    session: AsyncSession,
    who: Principal,
    table: Table,
    case_id: uuid.UUID,
    item_id: uuid.UUID,
    event: str,
    details: dict[str, Any],
    payload: dict[str, Any],
) -> None:
    """The case is touched (`updated_since`), the change audited and announced."""
    await case_repo.touch(session, case_id)
    ids = {"case_id": str(case_id)}
    await record_audit(session, who, event, table.name, item_id, {**ids, **details})
    await emit(
        session, event, table.name, item_id, [who.org], {**ids, "id": str(item_id), **payload}
    )


async def page(
    session: AsyncSession,
    who: Principal,
    kind: Kind[R],
    case_id: uuid.UUID,
    params: PageParams,
    filters: Sequence[ColumnElement[bool]] = (),
) -> Page[R]:
    """The case's rows, oldest first; the read is logged."""
    after = cursor_after(params.cursor, *BY_CREATED)
    rows = await repo.page(
        session, kind.table, kind.of_case(case_id), limit=params.limit, after=after, filters=filters
    )
    await read_personal(session, who, case_id, kind.logged_as)
    return make_page(rows, params.limit, key=created_key, to_item=kind.read)


async def read(
    session: AsyncSession, who: Principal, kind: Kind[R], case_id: uuid.UUID, item_id: uuid.UUID
) -> R:
    """One row of the case (404 if absent); the read is logged."""
    row = await repo.get(session, kind.table, item_id, kind.of_case(case_id))
    if row is None:
        raise ItemNotFound()
    await read_personal(session, who, case_id, kind.logged_as)
    return kind.read(row)


async def every(session: AsyncSession, kind: Kind[R], case_id: uuid.UUID) -> list[R]:
    """All the case's rows, oldest first, for a read already logged (the export)."""
    return [kind.read(row) for row in await repo.every(session, kind.table, kind.of_case(case_id))]
