"""Set-based statements of the bulk import: one lookup, chunked inserts, one executemany update."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.models import client_case

CHUNK = 1000
COMPARED = (
    "pseudonym",
    "municipality_ags",
    "opened_on",
    "status",
    "closing_reason",
    "closed_on",
    "assigned_worker",
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
    return {r.external_id: r for r in (await session.exec(stmt)).all()}


async def insert_new(session: AsyncSession, rows: list[dict[str, Any]]) -> dict[str, Row[Any]]:
    """Inserts in chunks; a row whose external id appeared concurrently is skipped (not returned)."""
    out: dict[str, Row[Any]] = {}
    for i in range(0, len(rows), CHUNK):
        stmt = (
            insert(client_case)
            .values(rows[i : i + CHUNK])
            .on_conflict_do_nothing(constraint="uq_client_case_org_id_external_id")
            .returning(client_case)
        )
        out.update({r.external_id: r for r in (await session.exec(stmt)).all()})
    return out


async def update_many(session: AsyncSession, changes: list[dict[str, Any]]) -> None:
    if not changes:
        return
    stmt = (
        update(client_case)
        .where(client_case.c.id == bindparam("b_id"))
        .values(
            **{c: bindparam(f"b_{c}") for c in COMPARED},
            version=client_case.c.version + 1,
            updated_at=func.now(),
        )
    )
    params = [{"b_id": ch["id"], **{f"b_{c}": ch[c] for c in COMPARED}} for ch in changes]
    await session.exec(stmt, params=params)
