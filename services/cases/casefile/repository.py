"""Queries on cases, their person and consent, and the access log (Core; never commits)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile.schemas import CaseFilters
from services.cases.errors import ExternalIdTaken
from services.cases.models import (
    REVIEW_KEY,
    case_reference_counter,
    client_case,
    person_data,
    plan_goal,
)
from services.common.audit import audit_insert_sql
from services.common.auth import Principal
from services.common.constraints import constraint_problems
from services.common.context import current_request_id
from services.common.keyset import keyset
from services.common.outbox import event_insert_sql
from services.common.problem_types import texts
from services.common.sql import fetch_row_direct, run

PERSON_COLUMNS = [c for c in person_data.c if c.name not in ("case_id", "updated_at")]
EVENT_FIELDS = ("reference", "municipality_ags", "status", "closing_reason", "version")
"""What events say about a case besides its id: area and state, never personal data."""
_CASE_COLUMNS = list(client_case.c)


def _external_id_unique() -> AbstractContextManager[None]:
    """A second case of the organization with the same external_id is a 409, not a 500."""
    taken = ExternalIdTaken(
        texts(
            "Another case of your organization has this external_id",
            "Ein anderer Fall Ihrer Organisation hat diese external_id",
        )
    )
    return constraint_problems({"uq_client_case_org_id_external_id": taken})


async def allocate_references(session: AsyncSession, org_id: str, year: int, count: int = 1) -> int:
    """Reserves `count` consecutive numbers for (org, year); returns the first one.

    The counter row is locked by the upsert until the transaction ends, so concurrent
    creates queue on it and never draw the same number.
    """
    stmt = (
        pg_insert(case_reference_counter)
        .values(org_id=org_id, year=year, last_value=count)
        .on_conflict_do_update(
            index_elements=["org_id", "year"],
            set_={"last_value": case_reference_counter.c.last_value + count},
        )
        .returning(case_reference_counter.c.last_value)
    )
    last = (await run(session, stmt)).scalar_one()
    return int(last) - count + 1


def format_reference(year: int, number: int) -> str:
    return f"{year}-{number:05d}"


_OPENED_AUDIT = audit_insert_sql(
    "opened",
    actor="$9",
    actor_org="$1",
    action="'case.opened'",
    entity_type="'case'",
    entity_id="id::text",
    request_id="$10",
    details="jsonb_build_object('reference', reference)",
)
_OPENED_EVENT = event_insert_sql(
    "opened",
    type_="'case.opened'",
    entity_type="'case'",
    entity_id="id::text",
    audience="ARRAY[$1::text]",
    payload="jsonb_build_object('case_id', id::text, "
    + ", ".join(f"'{name}', {name}" for name in EVENT_FIELDS)
    + ")",
)
_OPEN_CASE = f"""
    WITH counter AS (
        INSERT INTO case_reference_counter AS k (org_id, year, last_value)
        VALUES ($1, $2, 1)
        ON CONFLICT (org_id, year) DO UPDATE SET last_value = k.last_value + 1
        RETURNING last_value),
    opened AS (
        INSERT INTO client_case (org_id, org_path, municipality_ags, reference, external_id,
                                 pseudonym, assigned_worker, opened_on, commissioned_by, grant_id)
        SELECT $1, $3::text[], $4,
               $2::text || '-'
                   || lpad(last_value::text, greatest(5, length(last_value::text)), '0'),
               $5, $6, $7, $8::date, $11, $12::uuid
        FROM counter
        RETURNING *),
    audited AS ({_OPENED_AUDIT}),
    emitted AS ({_OPENED_EVENT})
    SELECT * FROM opened
"""  # noqa: S608 - built from constants; every value is a parameter
"""Opens a case in one statement: next reference number, the case, its audit entry and its
`case.opened` event (written by SQL that common's audit and outbox modules produce, with the
payload of `EVENT_FIELDS`). Alone in a request it needs no BEGIN/COMMIT: the counter row, which
concurrent creates of the organization queue on, is locked only while the statement runs.
Numbers past 99999 simply grow a digit."""


async def open_case(
    session: AsyncSession | async_sessionmaker[AsyncSession], who: Principal, values: dict[str, Any]
) -> Mapping[str, Any]:
    """Opens a case with the next reference number of its organization and year, audited and
    announced. Joins the session's transaction if one is open (an Idempotency-Key claim)."""
    with _external_id_unique():
        row = await fetch_row_direct(
            session,
            _OPEN_CASE,
            who.org,
            values["opened_on"].year,
            list(who.org_path),
            values["municipality_ags"],
            values["external_id"],
            values["pseudonym"],
            values["assigned_worker"],
            values["opened_on"],
            who.subject,
            current_request_id(),
            values.get("commissioned_by"),
            values.get("grant_id"),
        )
    assert row is not None  # noqa: S101 - INSERT ... RETURNING of one row
    return row


async def get(
    session: AsyncSession, case_id: uuid.UUID, org_id: str, *, lock: bool = False
) -> Row[Any] | None:
    stmt = select(*_CASE_COLUMNS).where(client_case.c.id == case_id, client_case.c.org_id == org_id)
    return (await run(session, stmt.with_for_update() if lock else stmt)).first()


async def external_ids(session: AsyncSession, org_id: str) -> set[str]:
    """The external ids the organization's cases carry."""
    stmt = select(client_case.c.external_id).where(
        client_case.c.org_id == org_id, client_case.c.external_id.is_not(None)
    )
    return set((await run(session, stmt)).scalars())


_PERSON_SQL = ", ".join(f"p.{c.name}" for c in PERSON_COLUMNS)
_READ_LOGGED = f"""
    WITH found AS (
        SELECT c.*, {_PERSON_SQL}, p.case_id AS has_person
        FROM client_case c LEFT JOIN person_data p ON p.case_id = c.id
        WHERE c.id = $1 AND c.org_id = $2),
    logged AS (
        INSERT INTO access_log (case_id, org_id, actor, actor_org, action, request_id,
                                actor_name, actor_roles, actor_org_kind)
        SELECT id, org_id, $3, $2, $5, $4, $6, $7::text[], $8 FROM found)
    SELECT * FROM found
"""  # noqa: S608 - built from our own column names; every value is a parameter


async def read_logged(
    session: AsyncSession | async_sessionmaker[AsyncSession],
    case_id: uuid.UUID,
    who: Principal,
    action: str,
) -> Mapping[str, Any] | None:
    """The case and its person, and the access-log row of the read, in one statement; the row
    names the reader as the token does (subject, display name, organization, its kind, roles).
    Given the sessionmaker, the statement stands alone (`fetch_row_direct`).

    The only statement that writes the access log (see `service.read_personal`).
    """
    return await fetch_row_direct(
        session,
        _READ_LOGGED,
        case_id,
        who.org,
        who.subject,
        current_request_id(),
        action,
        str(who.claims.get("name") or "")[:200] or None,
        sorted(who.roles),
        who.org_kind or None,
    )


async def update_case(
    session: AsyncSession, case_id: uuid.UUID, org_id: str, values: dict[str, Any]
) -> Row[Any]:
    """Applies `values`, bumps the version; maps the external_id constraint to a problem."""
    stmt = (
        update(client_case)
        .where(client_case.c.id == case_id, client_case.c.org_id == org_id)
        .values(**values, version=client_case.c.version + 1, updated_at=func.now())
        .returning(*_CASE_COLUMNS)
    )
    with _external_id_unique():
        return (await run(session, stmt)).one()


async def upsert_person(session: AsyncSession, case_id: uuid.UUID, values: dict[str, Any]) -> None:
    insert_ = pg_insert(person_data).values(case_id=case_id, **values)
    stmt = insert_.on_conflict_do_update(
        index_elements=["case_id"],
        set_={**{k: insert_.excluded[k] for k in values}, "updated_at": func.now()},
    )
    await run(session, stmt)


async def touch(session: AsyncSession, case_id: uuid.UUID, **values: Any) -> None:
    """Marks the case changed (`updated_since` also finds cases whose plan or contacts changed)."""
    stmt = (
        update(client_case)
        .where(client_case.c.id == case_id)
        .values(**values, updated_at=func.now())
    )
    await run(session, stmt)


def _conditions(filters: CaseFilters, updated_since: dt.datetime | None) -> list[Any]:
    c = client_case.c
    conditions: list[Any] = []
    if filters.status:
        conditions.append(c.status == filters.status)
    if filters.assigned_worker:
        conditions.append(c.assigned_worker == filters.assigned_worker)
    if filters.municipality:
        conditions.append(c.municipality_ags == filters.municipality)
    if filters.review_due_before:
        conditions.append(c.next_review_on < filters.review_due_before)
    if filters.field:
        has_goal = select(plan_goal.c.case_id).where(
            plan_goal.c.case_id == c.id, plan_goal.c.field == filters.field
        )
        conditions.append(has_goal.exists())
    if updated_since:
        conditions.append(c.updated_at >= updated_since)
    return conditions


async def list_page(
    session: AsyncSession,
    org_id: str,
    filters: CaseFilters,
    updated_since: dt.datetime | None,
    *,
    limit: int,
    after: tuple[Any, ...] | None,
) -> Sequence[Row[Any]]:
    stmt = select(*_CASE_COLUMNS).where(
        client_case.c.org_id == org_id, *_conditions(filters, updated_since)
    )
    keys = [client_case.c.created_at, client_case.c.id]
    return (await run(session, keyset(stmt, keys, after, limit))).all()


async def worklist(
    session: AsyncSession, org_id: str, worker: str, *, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    """Open cases of `worker`, earliest review first (overdue on top), cases without a plan last."""
    review_key = REVIEW_KEY  # matches ix_client_case_worklist
    stmt = select(*_CASE_COLUMNS, review_key.label("review_key")).where(
        client_case.c.org_id == org_id,
        client_case.c.assigned_worker == worker,
        client_case.c.status == "open",
    )
    return (await run(session, keyset(stmt, [review_key, client_case.c.id], after, limit))).all()
