"""The audit trail: every change, who made it, for which organization, in which request."""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.appending import append, append_many, append_select_sql
from services.common.auth import Principal
from services.common.context import current_request_id
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
    await append(session, audit_entry, audit_row(actor, action, entity_type, entity_id, details))


async def record_audit_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Appends many entries in one round trip (batch operations)."""
    await append_many(session, audit_entry, rows)


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
    values = {"actor": actor, "actor_org": actor_org, "action": action}
    values |= {"entity_type": entity_type, "entity_id": entity_id, "request_id": request_id}
    return append_select_sql(audit_entry, source, {**values, "details": details})
