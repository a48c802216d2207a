"""Queries on cases, their person and consent (Core statements; never commits)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, and_, func, insert, literal, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.db import run
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


async def insert_case(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    try:
        async with session.begin_nested():
            return (
                await run(session, insert(client_case).values(**values).returning(*_CASE_COLUMNS))
            ).one()
    except IntegrityError as exc:
        if "uq_client_case_org_id_external_id" in str(exc.orig):
            raise ExternalIdTaken("Another case of your organization has this external_id") from exc
        raise


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


async def get_with_person_logged(
    session: AsyncSession, case_id: uuid.UUID, who: Principal
) -> Row[Any] | None:
    """The case and its person in one statement that also writes the access-log row."""
    found = (
        select(*_CASE_COLUMNS, *PERSON_COLUMNS, person_data.c.case_id.label("has_person"))
        .select_from(client_case.outerjoin(person_data, person_data.c.case_id == client_case.c.id))
        .where(client_case.c.id == case_id, client_case.c.org_id == who.org)
        .cte("found")
    )
    logged = (
        insert(access_log)
        .from_select(
            ["case_id", "org_id", "actor", "actor_org", "action", "request_id"],
            select(
                found.c.id,
                found.c.org_id,
                literal(who.subject),
                literal(who.org),
                literal("case"),
                literal(current_request_id()),
            ),
        )
        .cte("logged")
    )
    stmt = select(found).add_cte(logged)
    return (await run(session, stmt)).first()


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
    try:
        async with session.begin_nested():
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
