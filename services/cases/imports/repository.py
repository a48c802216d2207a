"""Set-based statements of the bulk import: one lookup, one insert, one update (arrays + unnest).

A multi-row VALUES statement for 10,000 cases means 110,000 bind parameters for SQLAlchemy to
compile; `unnest` over one array per column is a fixed, cached statement of 11 parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select, text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.models import client_case
from services.common.sql import run

COMPARED = (
    "pseudonym",
    "municipality_ags",
    "opened_on",
    "status",
    "closing_reason",
    "closed_on",
    "assigned_worker",
)
_TYPES = {"opened_on": "date", "closed_on": "date", "id": "uuid"}


def _arrays(columns: Sequence[str]) -> str:
    casts = ", ".join(f"CAST(:{c} AS {_TYPES.get(c, 'text')}[])" for c in columns)
    return f"unnest({casts}) AS u({', '.join(columns)})"


_INSERTED = ("external_id", "reference", *COMPARED)
_INSERT = text(  # built from constant column names; values are bind parameters
    f"""
    INSERT INTO client_case (org_id, org_path, {", ".join(_INSERTED)})
    SELECT :org_id, CAST(:org_path AS text[]), {", ".join(f"u.{c}" for c in _INSERTED)}
    FROM {_arrays(_INSERTED)}
    ON CONFLICT ON CONSTRAINT uq_client_case_org_id_external_id DO NOTHING
    RETURNING id, external_id, reference
    """  # noqa: S608
)
_UPDATE = text(
    f"""
    UPDATE client_case AS c
    SET {", ".join(f"{col} = u.{col}" for col in COMPARED)},
        version = c.version + 1, updated_at = now()
    FROM {_arrays(("id", *COMPARED))}
    WHERE c.id = u.id
    """  # noqa: S608
)


async def existing(
    session: AsyncSession, org_id: str, external_ids: Sequence[str]
) -> dict[str, Row[Any]]:
    """The organization's cases with these external ids, locked against concurrent imports."""
    stmt = (
        select(
            client_case.c.id,
            client_case.c.external_id,
            client_case.c.reference,
            *[client_case.c[c] for c in COMPARED],
        )
        .where(client_case.c.org_id == org_id, client_case.c.external_id.in_(list(external_ids)))
        .with_for_update()
    )
    return {r.external_id: r for r in (await run(session, stmt)).all()}


def _columns(rows: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in names}


async def insert_new(
    session: AsyncSession, org_id: str, org_path: list[str], rows: list[dict[str, Any]]
) -> dict[str, Row[Any]]:
    """Inserts in one statement; a row whose external id appeared concurrently is skipped."""
    if not rows:
        return {}
    params = {"org_id": org_id, "org_path": org_path, **_columns(rows, _INSERTED)}
    return {r.external_id: r for r in (await run(session, _INSERT.bindparams(**params))).all()}


async def update_many(session: AsyncSession, changes: list[dict[str, Any]]) -> None:
    if changes:
        params = _columns(changes, ("id", *COMPARED))
        await run(session, _UPDATE.bindparams(**params))
