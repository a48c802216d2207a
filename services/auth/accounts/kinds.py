"""Users and API clients, managed alike: the two kinds, the rows an actor may manage, and the
audited insert and change both go through (the use cases are in `service`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Table
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as repo
from services.auth.accounts.confinement import Actor, is_admin, may_manage, scope_org
from services.auth.accounts.schemas import AccountFilter
from services.auth.directory import repository as orgs
from services.auth.errors import (
    ClientNotFound,
    DuplicateClientId,
    DuplicateUsername,
    OrganizationNotFound,
    RoleNotGrantable,
    UserNotFound,
)
from services.auth.models import account, api_client
from services.auth.revocations import record_revocation
from services.common.audit import record_audit
from services.common.constraints import constraint_problems
from services.common.outbox import emit
from services.common.pagination import PageParams, cursor_after
from services.common.problem_types import texts
from services.common.problems import Forbidden, ProblemError


@dataclass(frozen=True)
class Kind:
    """Users and API clients are managed alike; this is where they differ."""

    table: Table
    noun: str  # in audit actions and event types: user.created, client.deactivated
    name: str  # the unique name: username, client_id
    name_taken: str  # its unique constraint (named by the naming convention in common.db)
    taken: Callable[[str], ProblemError]  # the 409 for a taken name
    missing: Callable[[], ProblemError]  # the 404 for an unknown or invisible one


USERS = Kind(
    account,
    "user",
    "username",
    "uq_account_username",
    lambda name: DuplicateUsername(
        texts(
            f"The username {name} is taken",
            f"Der Benutzername {name} ist vergeben",
        )
    ),
    lambda: UserNotFound(
        texts(
            "No user with this id",
            "Kein Benutzer mit dieser ID",
        )
    ),
)
CLIENTS = Kind(
    api_client,
    "client",
    "client_id",
    "uq_api_client_client_id",
    lambda name: DuplicateClientId(
        texts(
            f"The client id {name} is taken",
            f"Die Client-ID {name} ist vergeben",
        )
    ),
    lambda: ClientNotFound(
        texts(
            "No API client with this id",
            "Kein API-Client mit dieser ID",
        )
    ),
)


async def page_rows(
    session: AsyncSession,
    actor: Actor,
    kind: Kind,
    filters: AccountFilter,
    page: PageParams,
) -> Sequence[Row[Any]]:
    """Up to `page.limit + 1` rows the actor may manage, by unique name after the page's cursor."""
    org_id = scope_org(actor, filters.organization_id)
    after = cursor_after(page.cursor, str)
    return await repo.list_page(
        session,
        kind.table,
        kind.name,
        org_id=org_id,
        active=filters.active,
        limit=page.limit,
        after=after,
    )


async def managed_row(
    session: AsyncSession, actor: Actor, kind: Kind, row_id: str, *, for_update: bool = False
) -> Row[Any]:
    """A user or client the actor manages; the kind's 404 for any other."""
    row = await repo.get(session, kind.table, row_id, for_update=for_update)
    if row is None or not may_manage(actor, row.organization_id):
        raise kind.missing()
    return row


async def check_target(
    session: AsyncSession, actor: Actor, org_id: str, roles: Sequence[str]
) -> None:
    """Refuses a new user or client the actor may not create there or with these roles."""
    if await orgs.get(session, org_id) is None:
        raise OrganizationNotFound(
            texts(
                "No organization with this id",
                "Keine Organisation mit dieser ID",
            )
        )
    if not may_manage(actor, org_id):
        raise Forbidden(
            texts(
                "An org_admin manages its own organization only",
                "Ein org_admin verwaltet nur seine eigene Organisation",
            )
        )
    if "admin" in roles and not is_admin(actor):
        raise RoleNotGrantable(
            texts(
                "Only an admin grants the admin role",
                "Nur ein admin vergibt die Rolle admin",
            )
        )


def check_roles(actor: Actor, before: Sequence[str], after: Sequence[str]) -> None:
    """Refuses a change of roles that grants or removes `admin` unless an admin makes it."""
    if ("admin" in before or "admin" in after) and not is_admin(actor):
        raise RoleNotGrantable(
            texts(
                "Only an admin grants or removes the admin role",
                "Nur ein admin vergibt oder entzieht die Rolle admin",
            )
        )


async def insert(
    session: AsyncSession, actor: Actor, kind: Kind, values: dict[str, Any], details: dict[str, Any]
) -> None:
    """Inserts a user or client whose target was checked; a taken name is the kind's 409."""
    with constraint_problems({kind.name_taken: kind.taken(values[kind.name])}):
        await repo.add(session, kind.table, values)
    row_id, audience = values["id"], [str(values["organization_id"])]
    await record_audit(session, actor, f"{kind.noun}.created", kind.noun, row_id, details)
    await emit(session, f"{kind.noun}.created", kind.noun, row_id, audience, details)


async def change(
    session: AsyncSession, actor: Actor, kind: Kind, row: Row[Any], values: dict[str, Any]
) -> None:
    """Applies `values` to a user or client, audited; (de)activation is also an event, and
    deactivation revokes the access tokens issued until now (services/auth/revocations.py)."""
    row_id = str(row.id)
    await repo.change(session, kind.table, row_id, values)
    changed = sorted(k for k in values if k != "password_hash")
    changed += ["password"] if "password_hash" in values else []
    await record_audit(
        session, actor, f"{kind.noun}.updated", kind.noun, row_id, {"changed": changed}
    )
    if "active" in values and values["active"] != row.active:
        event = f"{kind.noun}.{'reactivated' if values['active'] else 'deactivated'}"
        await emit(session, event, kind.noun, row_id, [str(row.organization_id)])
        if not values["active"]:  # its access tokens stop working in every service within seconds
            await _revoke_tokens(session, kind, row)


async def _revoke_tokens(session: AsyncSession, kind: Kind, row: Row[Any]) -> None:
    """Puts the user or client on the revocation list, named as its tokens' `sub` names it."""
    audience = [str(row.organization_id)]
    if kind is USERS:
        await record_revocation(session, "user", str(row.id), audience)
    else:
        await record_revocation(session, "client", str(row.client_id), audience)
