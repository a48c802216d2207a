"""Queries on cases, their person and consent (Core statements; never commits)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Row, and_, func, insert, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.db import fetch_row_direct, run
from services.cases.errors import ExternalIdTaken
from services.cases.models import access_log, case_reference_counter, client_case, person_data
from services.common.auth import Principal
from services.common.context import current_request_id

PERSON_COLUMNS = [c for c in person_data.c if c.name not in ("case_id", "updated_at")]
_CASE_COLUMNS = list(client_case.c)


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


_OPEN_CASE = """
    WITH counter AS (
        INSERT INTO case_reference_counter AS k (org_id, year, last_value)
        VALUES ($1, $2, 1)
        ON CONFLICT (org_id, year) DO UPDATE SET last_value = k.last_value + 1
        RETURNING last_value),
    opened AS (
        INSERT INTO client_case (org_id, org_path, municipality_ags, reference, external_id,
                                 pseudonym, assigned_worker, opened_on)
        SELECT $1, $3::text[], $4,
               $2::text || '-'
                   || lpad(last_value::text, greatest(5, length(last_value::text)), '0'),
               $5, $6, $7, $8::date
        FROM counter
        RETURNING *),
    audited AS (
        INSERT INTO audit_entry (actor, actor_org, action, entity_type, entity_id, request_id,
                                 details)
        SELECT $9, $1, 'case.opened', 'case', id::text, $10,
               jsonb_build_object('reference', reference)
        FROM opened),
    emitted AS (
        INSERT INTO outbox_event (type, entity_type, entity_id, audience, payload)
        SELECT 'case.opened', 'case', id::text, ARRAY[$1::text],
               jsonb_build_object('case_id', id::text, 'reference', reference,
                                  'municipality_ags', municipality_ags, 'status', status,
                                  'closing_reason', closing_reason, 'version', version)
        FROM opened)
    SELECT * FROM opened
"""
"""Opens a case in one statement: next reference number, the case, its audit entry and its
`case.opened` event (the same rows `record_audit` and `emit` write, and the payload of
`event_payload`). Alone in a request it needs no BEGIN/COMMIT: the counter row, which
concurrent creates of the organization queue on, is locked only while the statement runs.
Numbers past 99999 simply grow a digit."""


async def open_case(
    session: AsyncSession, who: Principal, values: dict[str, Any]
) -> Mapping[str, Any]:
    """Opens a case with the next reference number of its organization and year, audited and
    announced. Joins the session's transaction if one is open (an Idempotency-Key claim)."""
    try:
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
        )
    except DBAPIError as exc:
        if getattr(exc.orig, "constraint_name", None) == "uq_client_case_org_id_external_id":
            raise ExternalIdTaken("Another case of your organization has this external_id") from exc
        raise
    assert row is not None  # noqa: S101 - INSERT ... RETURNING of one row
    return row


async def get(session: AsyncSession, case_id: uuid.UUID, org_id: str) -> Row[Any] | None:
    stmt = select(*_CASE_COLUMNS).where(client_case.c.id == case_id, client_case.c.org_id == org_id)
    return (await run(session, stmt)).first()


def log_access_values(case_id: Any, org_id: Any, who: Principal, action: str) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "org_id": org_id,
        "actor": who.subject,
        "actor_org": who.org,
        "action": action,
        "request_id": current_request_id(),
    }


async def log_access(
    session: AsyncSession, case_id: uuid.UUID, org_id: str, who: Principal, action: str
) -> None:
    await run(session, insert(access_log).values(**log_access_values(case_id, org_id, who, action)))


_PERSON_SQL = ", ".join(f"p.{c.name}" for c in PERSON_COLUMNS)
_READ_LOGGED = f"""
    WITH found AS (
        SELECT c.*, {_PERSON_SQL}, p.case_id AS has_person
        FROM client_case c LEFT JOIN person_data p ON p.case_id = c.id
        WHERE c.id = $1 AND c.org_id = $2),
    logged AS (
        INSERT INTO access_log (case_id, org_id, actor, actor_org, action, request_id)
        SELECT id, org_id, $3, $2, 'case', $4 FROM found)
    SELECT * FROM found
"""  # noqa: S608 - built from our own column names; every value is a parameter


async def get_with_person_logged(
    session: AsyncSession, case_id: uuid.UUID, who: Principal
) -> Mapping[str, Any] | None:
    """The case and its person, and the access-log row, in one statement and one round trip."""
    return await fetch_row_direct(
        session, _READ_LOGGED, case_id, who.org, who.subject, current_request_id()
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
    try:  # no savepoint: the error ends the request and its transaction
        return (await run(session, stmt)).one()
    except IntegrityError as exc:
        if "uq_client_case_org_id_external_id" in str(exc.orig):
            raise ExternalIdTaken("Another case of your organization has this external_id") from exc
        raise


async def get_for_update(session: AsyncSession, case_id: uuid.UUID, org_id: str) -> Row[Any] | None:
    stmt = (
        select(*_CASE_COLUMNS)
        .where(client_case.c.id == case_id, client_case.c.org_id == org_id)
        .with_for_update()
    )
    return (await run(session, stmt)).first()


async def upsert_person(
    session: AsyncSession, case_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    insert_ = pg_insert(person_data).values(case_id=case_id, **values)
    stmt = insert_.on_conflict_do_update(
        index_elements=["case_id"],
        set_={**{k: insert_.excluded[k] for k in values}, "updated_at": func.now()},
    ).returning(*PERSON_COLUMNS)
    return (await run(session, stmt)).one()


async def get_person(session: AsyncSession, case_id: uuid.UUID) -> Row[Any] | None:
    return (
        await run(session, select(*PERSON_COLUMNS).where(person_data.c.case_id == case_id))
    ).first()


async def list_page(
    session: AsyncSession,
    org_id: str,
    *,
    limit: int,
    after: tuple[dt.datetime, uuid.UUID] | None,
    filters: Sequence[Any],
) -> Sequence[Row[Any]]:
    stmt = select(*_CASE_COLUMNS).where(client_case.c.org_id == org_id, *filters)
    if after is not None:
        stmt = stmt.where(tuple_(client_case.c.created_at, client_case.c.id) > tuple_(*after))
    stmt = stmt.order_by(client_case.c.created_at, client_case.c.id).limit(limit + 1)
    return (await run(session, stmt)).all()


async def worklist(
    session: AsyncSession, org_id: str, worker: str, *, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    """Open cases of `worker`, earliest review first (overdue on top), cases without a plan last."""
    review_key = func.coalesce(client_case.c.next_review_on, dt.date(9999, 12, 31))
    stmt = select(*_CASE_COLUMNS, review_key.label("review_key")).where(
        and_(
            client_case.c.org_id == org_id,
            client_case.c.assigned_worker == worker,
            client_case.c.status == "open",
        )
    )
    if after is not None:
        stmt = stmt.where(tuple_(review_key, client_case.c.id) > tuple_(*after))
    stmt = stmt.order_by(review_key, client_case.c.id).limit(limit + 1)
    return (await run(session, stmt)).all()
