"""Set-based removal of personal data, and the access log as the privacy officer reads it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Row,
    Table,
    Text,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.models import access_log, client_case, metadata
from services.cases.personal_data import PERSONAL, PERSONAL_KEYS, Personal
from services.common.idempotency import erase_responses
from services.common.keyset import keyset
from services.common.sql import run
from services.common.tables import common_metadata

TABLES: dict[str, Table] = {**common_metadata.tables, **metadata.tables}


async def scrub(session: AsyncSession, case_ids: Sequence[uuid.UUID], *, identity: bool) -> int:
    """Removes what `personal_data.PERSONAL` lists for `case_ids`, in every table; counts the
    persons removed. `identity` also cuts the case's own links (pseudonym, external id): erasure
    and anonymization do, a consent withdrawal keeps them.

    One statement per table, whatever the number of cases; the anonymous facts (dates, fields,
    statuses, durations) stay, so the key figures do not change."""
    ids = list(case_ids)
    if not ids:
        return 0
    removed = 0
    for name, entries in _by_table(identity).items():
        table = TABLES[name]
        kinds = {e.scrub for e in entries}
        if "delete_row" in kinds:
            removed += (await run(session, delete(table).where(_rows_of(table, ids)))).rowcount or 0
        elif "stored_response" in kinds:
            await erase_responses(session, [str(i) for i in ids])
        else:
            values = {e.column: _scrubbed(table, e) for e in entries}
            await run(session, update(table).where(_rows_of(table, ids)).values(values))
    return int(removed)


def _by_table(identity: bool) -> dict[str, list[Personal]]:
    out: dict[str, list[Personal]] = {}
    for entry in PERSONAL:
        if identity or entry.table != client_case.name:
            out.setdefault(entry.table, []).append(entry)
    return out


def _scrubbed(table: Table, entry: Personal) -> Any:
    if entry.scrub == "json_keys":
        keys = cast(pg_array(list(PERSONAL_KEYS)), ARRAY(Text))
        return table.c[entry.column].op("-", return_type=JSONB)(keys)
    return entry.replacement if entry.scrub == "replace" else None


def _rows_of(table: Table, ids: list[uuid.UUID]) -> ColumnElement[bool]:
    """The rows of `table` about the cases `ids`: by the case's key, or for the audit trail and
    the outbox by the entity or the `case_id` their JSON names."""
    if table is client_case:
        return client_case.c.id.in_(ids)
    if "case_id" in table.c:
        return table.c.case_id.in_(ids)
    texts = [str(i) for i in ids]
    document = table.c.details if "details" in table.c else table.c.payload
    return or_(table.c.entity_id.in_(texts), document["case_id"].astext.in_(texts))


async def mark_erased(
    session: AsyncSession, case_ids: Sequence[uuid.UUID], today: dt.date
) -> dt.datetime | None:
    """Marks the cases erased (after `scrub(..., identity=True)`), consent ended.

    Returns the time of the erasure (one for all cases of the call; None without cases)."""
    stmt = (
        update(client_case)
        .where(client_case.c.id.in_(list(case_ids)))
        .values(
            erased_at=func.now(),
            consent_withdrawn_on=func.coalesce(client_case.c.consent_withdrawn_on, today),
            version=client_case.c.version + 1,
            updated_at=func.now(),
        )
        .returning(client_case.c.erased_at)
    )
    erased: dt.datetime | None = (await run(session, stmt)).scalars().first()
    return erased


async def anonymizable(
    session: AsyncSession, closed_before: dt.date, limit: int
) -> list[uuid.UUID]:
    stmt = (
        select(client_case.c.id)
        .where(
            client_case.c.status == "closed",
            client_case.c.closed_on < closed_before,
            client_case.c.erased_at.is_(None),
        )
        .order_by(client_case.c.closed_on, client_case.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await run(session, stmt)).scalars().all())


async def access_page(
    session: AsyncSession, case_id: uuid.UUID, *, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    """Reads of the case, newest first."""
    stmt = select(access_log).where(access_log.c.case_id == case_id)
    keys = [access_log.c.id]
    return (await run(session, keyset(stmt, keys, after, limit, descending=True))).all()


async def owners(session: AsyncSession, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    stmt = select(client_case.c.id, client_case.c.org_id).where(
        client_case.c.id.in_(list(case_ids))
    )
    return {r.id: r.org_id for r in (await run(session, stmt)).all()}
