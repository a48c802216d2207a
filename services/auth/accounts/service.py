"""Use cases for users and API clients.

Confinement: `admin` (and operators on the command line) manage everything; `org_admin`
manages the users and clients of its own organization only. Objects of other organizations
are invisible to an org_admin (404); creating in another organization is forbidden (403);
nobody but an admin grants the `admin` role.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as repo
from services.auth.accounts.schemas import ClientCreate, ClientUpdate, UserCreate, UserUpdate
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
from services.auth.security import Passwords, check_password_policy, new_opaque_token, token_hash
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit
from services.common.pagination import PageParams, decode_cursor
from services.common.problems import Forbidden

Actor = Principal | str  # a string names an operator acting through the CLI (full rights)


def is_admin(actor: Actor) -> bool:
    return isinstance(actor, str) or actor.has_role("admin")


def may_manage(actor: Actor, org_id: str) -> bool:
    if is_admin(actor):
        return True
    return isinstance(actor, Principal) and actor.has_role("org_admin") and actor.org == str(org_id)


def scope_org(actor: Actor, requested: str | None) -> str | None:
    """The organization a list is confined to: any for admins, the caller's own for org_admins."""
    if is_admin(actor):
        return requested
    assert isinstance(actor, Principal)  # noqa: S101 - is_admin covers operators
    if requested is not None and requested != actor.org:
        raise Forbidden("An org_admin sees only the users and clients of its own organization")
    return actor.org


LISTS = {"users": (account, "username"), "clients": (api_client, "client_id")}


async def list_rows(
    session: AsyncSession,
    actor: Actor,
    kind: Literal["users", "clients"],
    *,
    organization_id: str | None,
    active: bool | None,
    page: PageParams,
) -> Sequence[Row[Any]]:
    """Up to `page.limit + 1` users or clients the actor may manage, after the page's cursor."""
    table, name_column = LISTS[kind]
    org_id = scope_org(actor, organization_id)
    after = str(decode_cursor(page.cursor, 1)[0]) if page.cursor else None
    return await repo.list_page(
        session, table, name_column, org_id=org_id, active=active, limit=page.limit, after=after
    )


async def username_of(session: AsyncSession, user_id: str) -> str | None:
    """The login name of a user (for `/me`), None when the account is gone."""
    row = await repo.get_user(session, user_id)
    return str(row.username) if row is not None else None


async def _check_target(
    session: AsyncSession, actor: Actor, org_id: str, roles: Sequence[str]
) -> None:
    if await orgs.get(session, org_id) is None:
        raise OrganizationNotFound("No organization with this id")
    if not may_manage(actor, org_id):
        raise Forbidden("An org_admin manages its own organization only")
    if "admin" in roles and not is_admin(actor):
        raise RoleNotGrantable("Only an admin grants the admin role")


def _audience(org_id: str) -> list[str]:
    return [str(org_id)]


async def create_user(
    session: AsyncSession,
    actor: Actor,
    data: UserCreate,
    passwords: Passwords,
    *,
    user_id: str | None = None,
) -> Row[Any]:
    """Creates a user with an argon2-hashed password that meets the policy.

    `user_id` is for seeding only: demo users get deterministic ids other services can name.
    """
    roles = sorted(set(data.roles))
    await _check_target(session, actor, data.organization_id, roles)
    password = data.password.get_secret_value()
    check_password_policy(password, data.username)
    user_id = user_id or str(uuid.uuid4())
    values = {
        "id": user_id,
        "username": data.username,
        "display_name": data.display_name or data.username,
        "organization_id": data.organization_id,
        "roles": roles,
        "password_hash": await passwords.hash_async(password),
    }
    if not await repo.add(session, account, values):
        raise DuplicateUsername(f"The username {data.username} is taken")
    details = {"organization_id": data.organization_id, "roles": roles}
    await record_audit(session, actor, "user.created", "user", user_id, details)
    await emit(session, "user.created", "user", user_id, _audience(data.organization_id), details)
    row = await repo.get_user(session, user_id)
    assert row is not None  # noqa: S101 - inserted above
    return row


async def get_user(
    session: AsyncSession, actor: Actor, user_id: str, *, for_update: bool = False
) -> Row[Any]:
    row = await repo.get_user(session, user_id, for_update=for_update)
    if row is None or not may_manage(actor, row.organization_id):
        raise UserNotFound("No user with this id")
    return row


async def update_user(
    session: AsyncSession,
    actor: Actor,
    user_id: str,
    data: UserUpdate,
    if_match: str | None,
    passwords: Passwords,
) -> Row[Any]:
    """Applies the change; deactivation revokes the user's refresh tokens at once."""
    row = await get_user(session, actor, user_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = {}
    if data.roles is not None:
        roles = sorted(set(data.roles))
        if ("admin" in roles or "admin" in row.roles) and not is_admin(actor):
            raise RoleNotGrantable("Only an admin grants or removes the admin role")
        values["roles"] = roles
    if data.display_name is not None:
        values["display_name"] = data.display_name
    if data.password is not None:
        password = data.password.get_secret_value()
        check_password_policy(password, row.username)
        values["password_hash"] = await passwords.hash_async(password)
    if data.active is not None and data.active != row.active:
        values["active"] = data.active
        values["deactivated_at"] = None if data.active else datetime.now(UTC)
    await repo.change(session, account, user_id, values)
    if values.get("active") is False or "password_hash" in values:
        await repo.revoke_user_refresh_tokens(session, user_id)
    changed = sorted(k for k in values if k != "password_hash") + (
        ["password"] if "password_hash" in values else []
    )
    await record_audit(session, actor, "user.updated", "user", user_id, {"changed": changed})
    if "active" in values:
        event = "user.reactivated" if data.active else "user.deactivated"
        await emit(session, event, "user", user_id, _audience(row.organization_id))
    return await get_user(session, actor, user_id)


async def create_client(
    session: AsyncSession, actor: Actor, data: ClientCreate, secret: str | None = None
) -> tuple[Row[Any], str]:
    """Creates a client; returns it with its secret, which is stored only as a hash."""
    roles = sorted(set(data.roles))
    await _check_target(session, actor, data.organization_id, roles)
    secret = secret or new_opaque_token()
    row_id = str(uuid.uuid4())
    values = {
        "id": row_id,
        "client_id": data.client_id,
        "name": data.name,
        "organization_id": data.organization_id,
        "roles": roles,
        "scopes": sorted(set(data.scopes)),
        "secret_hash": token_hash(secret),
    }
    if not await repo.add(session, api_client, values):
        raise DuplicateClientId(f"The client id {data.client_id} is taken")
    details = {"client_id": data.client_id, "organization_id": data.organization_id, "roles": roles}
    await record_audit(session, actor, "client.created", "client", row_id, details)
    await emit(
        session, "client.created", "client", row_id, _audience(data.organization_id), details
    )
    row = await repo.get_client(session, row_id)
    assert row is not None  # noqa: S101 - inserted above
    return row, secret


async def get_client(
    session: AsyncSession, actor: Actor, row_id: str, *, for_update: bool = False
) -> Row[Any]:
    row = await repo.get_client(session, row_id, for_update=for_update)
    if row is None or not may_manage(actor, row.organization_id):
        raise ClientNotFound("No API client with this id")
    return row


async def update_client(
    session: AsyncSession, actor: Actor, row_id: str, data: ClientUpdate, if_match: str | None
) -> Row[Any]:
    row = await get_client(session, actor, row_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True)
    if "roles" in values:
        values["roles"] = sorted(set(values["roles"]))
        if ("admin" in values["roles"] or "admin" in row.roles) and not is_admin(actor):
            raise RoleNotGrantable("Only an admin grants or removes the admin role")
    if "scopes" in values:
        values["scopes"] = sorted(set(values["scopes"]))
    await repo.change(session, api_client, row_id, values)
    await record_audit(
        session, actor, "client.updated", "client", row_id, {"changed": sorted(values)}
    )
    if "active" in values and values["active"] != row.active:
        event = "client.reactivated" if values["active"] else "client.deactivated"
        await emit(session, event, "client", row_id, _audience(row.organization_id))
    return await get_client(session, actor, row_id)


async def rotate_client_secret(
    session: AsyncSession, actor: Actor, row_id: str
) -> tuple[Row[Any], str]:
    """Replaces the secret; the old one stops working with this transaction's commit."""
    row = await get_client(session, actor, row_id, for_update=True)
    secret = new_opaque_token()
    await repo.change(
        session,
        api_client,
        row_id,
        {"secret_hash": token_hash(secret), "secret_rotated_at": datetime.now(UTC)},
    )
    await record_audit(session, actor, "client.secret_rotated", "client", row_id)
    await emit(session, "client.secret_rotated", "client", row_id, _audience(row.organization_id))
    return await get_client(session, actor, row_id), secret
