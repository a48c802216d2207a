"""The audit trail: every change, who made it, for which organization, in which request."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.context import current_request_id
from services.common.sql import run
from services.common.tables import audit_entry


def audit_row(
    actor: Principal | str | None,
    action: str,
    entity_type: str,
    entity_id: object,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One audit row as a dict, for callers that insert many in one statement."""
    who: str | None = actor.subject if isinstance(actor, Principal) else actor
    org = actor.org if isinstance(actor, Principal) else None
    return {
        "actor": who,
        "actor_org": org,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "request_id": current_request_id(),
        "details": details or {},
    }


async def record_audit(
    session: AsyncSession,
    actor: Principal | str | None,
    action: str,
    entity_type: str,
    entity_id: object,
    details: dict[str, Any] | None = None,
) -> None:
    """Appends one entry in the caller's transaction (it lands exactly when the change does)."""
    await run(
        session,
        insert(audit_entry).values(**audit_row(actor, action, entity_type, entity_id, details)),
    )


async def record_audit_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Appends many entries in one round trip (batch operations)."""
    if rows:
        await run(session, insert(audit_entry), rows)


def audit_insert_sql(
    source: str,
    *,
    actor: str,
    actor_org: str,
    action: str,
    entity_type: str,
    entity_id: str,
    request_id: str,
    details: str,
) -> str:
    """SQL appending one entry per row of `source`; each argument is an SQL expression over it.

    Only for a one-statement hot path (a data-modifying CTE run by `fetch_row_direct`, where
    `record_audit` cannot take part): the table and its columns stay written by this module alone.
    """
    values = [actor, actor_org, action, entity_type, entity_id, request_id, details]
    columns = ["actor", "actor_org", "action", "entity_type", "entity_id", "request_id", "details"]
    into = f"INSERT INTO {audit_entry.name} ({', '.join(columns)})"
    return f"{into} SELECT {', '.join(values)} FROM {source}"  # noqa: S608 - no input in it
