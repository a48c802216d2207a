"""Use cases for users and API clients.

Confinement: `admin` (and operators on the command line) manage everything; `org_admin`
manages the users and clients of its own organization only. Objects of other organizations
are invisible to an org_admin (404); creating in another organization is forbidden (403);
nobody but an admin grants the `admin` role.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, Table
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as repo
from services.auth.accounts.confinement import Actor, is_admin, may_manage, scope_org
from services.auth.accounts.schemas import (
    AccountFilter,
    ClientCreate,
    ClientRead,
    ClientUpdate,
    UserCreate,
    UserRead,
    UserUpdate,
    check_client_shape,
)
from services.auth.directory import repository as orgs
from services.auth.errors import (
    ClientNotFound,
    DuplicateClientId,
    DuplicateUsername,
    InvalidClientSetup,
    OrganizationNotFound,
    RoleNotGrantable,
    UserNotFound,
)
from services.auth.models import account, api_client
from services.auth.revocations import record_revocation
from services.auth.security import Passwords, check_password_policy, new_opaque_token, token_hash
from services.common.audit import record_audit
from services.common.concurrency import check_if_match
from services.common.constraints import constraint_problems
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
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
    lambda name: DuplicateUsername(f"The username {name} is taken"),
    lambda: UserNotFound("No user with this id"),
)
CLIENTS = Kind(
    api_client,
    "client",
    "client_id",
    "uq_api_client_client_id",
    lambda name: DuplicateClientId(f"The client id {name} is taken"),
    lambda: ClientNotFound("No API client with this id"),
)


def _fields(row: Row[Any]) -> dict[str, Any]:
    ids = {"id": str(row.id), "organization_id": str(row.organization_id)}
    return {**row._mapping, **ids, "roles": list(row.roles)}


def user_read(row: Row[Any]) -> UserRead:
    """The response body of an account row (never the password hash)."""
    return UserRead.model_validate(_fields(row))


def client_read(row: Row[Any]) -> ClientRead:
    """The response body of an API client row (never the secret's hash)."""
    lists = ("scopes", "redirect_uris", "post_logout_redirect_uris", "grant_types")
    return ClientRead.model_validate({**_fields(row), **{k: list(row._mapping[k]) for k in lists}})


async def _rows(
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


async def list_users(
    session: AsyncSession, actor: Actor, filters: AccountFilter, page: PageParams
) -> Page[UserRead]:
    """A page of the users the actor may manage, by username."""
    rows = await _rows(session, actor, USERS, filters, page)
    return make_page(rows, page.limit, key=lambda r: (r.username,), to_item=user_read)


async def list_clients(
    session: AsyncSession, actor: Actor, filters: AccountFilter, page: PageParams
) -> Page[ClientRead]:
    """A page of the API clients the actor may manage, by client_id."""
    rows = await _rows(session, actor, CLIENTS, filters, page)
    return make_page(rows, page.limit, key=lambda r: (r.client_id,), to_item=client_read)


async def _row(
    session: AsyncSession, actor: Actor, kind: Kind, row_id: str, *, for_update: bool = False
) -> Row[Any]:
    """A user or client the actor manages; the kind's 404 for any other."""
    row = await repo.get(session, kind.table, row_id, for_update=for_update)
    if row is None or not may_manage(actor, row.organization_id):
        raise kind.missing()
    return row


async def get_user(session: AsyncSession, actor: Actor, user_id: str) -> tuple[UserRead, int]:
    """A user the actor manages and its version (the ETag); 404 for any other."""
    row = await _row(session, actor, USERS, user_id)
    return user_read(row), int(row.version)


async def get_client(session: AsyncSession, actor: Actor, row_id: str) -> tuple[ClientRead, int]:
    """A client the actor manages and its version (the ETag); 404 for any other."""
    row = await _row(session, actor, CLIENTS, row_id)
    return client_read(row), int(row.version)


async def _check_target(
    session: AsyncSession, actor: Actor, org_id: str, roles: Sequence[str]
) -> None:
    if await orgs.get(session, org_id) is None:
        raise OrganizationNotFound("No organization with this id")
    if not may_manage(actor, org_id):
        raise Forbidden("An org_admin manages its own organization only")
    if "admin" in roles and not is_admin(actor):
        raise RoleNotGrantable("Only an admin grants the admin role")


def _check_roles(actor: Actor, before: Sequence[str], after: Sequence[str]) -> None:
    if ("admin" in before or "admin" in after) and not is_admin(actor):
        raise RoleNotGrantable("Only an admin grants or removes the admin role")


async def _insert(
    session: AsyncSession, actor: Actor, kind: Kind, values: dict[str, Any], details: dict[str, Any]
) -> None:
    """Inserts a user or client whose target was checked; a taken name is the kind's 409."""
    with constraint_problems({kind.name_taken: kind.taken(values[kind.name])}):
        await repo.add(session, kind.table, values)
    row_id, audience = values["id"], [str(values["organization_id"])]
    await record_audit(session, actor, f"{kind.noun}.created", kind.noun, row_id, details)
    await emit(session, f"{kind.noun}.created", kind.noun, row_id, audience, details)


async def _change(
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


async def create_user(
    session: AsyncSession,
    actor: Actor,
    data: UserCreate,
    passwords: Passwords,
    *,
    user_id: str | None = None,
) -> tuple[UserRead, int]:
    """Creates a user with an argon2-hashed password that meets the policy; (user, version).

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
    details = {"organization_id": data.organization_id, "roles": roles}
    await _insert(session, actor, USERS, values, details)
    return await get_user(session, actor, user_id)


async def update_user(
    session: AsyncSession,
    actor: Actor,
    user_id: str,
    data: UserUpdate,
    if_match: str | None,
    passwords: Passwords,
) -> tuple[UserRead, int]:
    """Applies the change; deactivation or a new password revokes the user's refresh tokens."""
    row = await _row(session, actor, USERS, user_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True, exclude={"password", "roles"})
    if data.roles is not None:
        values["roles"] = sorted(set(data.roles))
        _check_roles(actor, row.roles, values["roles"])
    if data.password is not None:
        password = data.password.get_secret_value()
        check_password_policy(password, row.username)
        values["password_hash"] = await passwords.hash_async(password)
    if data.active is not None and data.active != row.active:
        values["deactivated_at"] = None if data.active else datetime.now(UTC)
    else:
        values.pop("active", None)
    await _change(session, actor, USERS, row, values)
    if values.get("active") is False or "password_hash" in values:
        await repo.revoke_user_refresh_tokens(session, user_id)
    return await get_user(session, actor, user_id)


async def create_client(
    session: AsyncSession, actor: Actor, data: ClientCreate, secret: str | None = None
) -> tuple[ClientRead, int, str | None]:
    """Creates a client; returns it, its version and its secret, which is stored only hashed
    (public clients have none)."""
    roles = sorted(set(data.roles))
    await _check_target(session, actor, data.organization_id, roles)
    secret = None if data.client_type == "public" else secret or new_opaque_token()
    row_id = str(uuid.uuid4())
    values = {
        "id": row_id,
        "client_id": data.client_id,
        "name": data.name,
        "organization_id": data.organization_id,
        "roles": roles,
        "scopes": sorted(set(data.scopes)),
        "secret_hash": token_hash(secret) if secret is not None else None,
        "client_type": data.client_type,
        "redirect_uris": data.redirect_uris,
        "post_logout_redirect_uris": data.post_logout_redirect_uris,
        "grant_types": sorted(set(data.grant_types)),
    }
    details = {"client_id": data.client_id, "organization_id": data.organization_id, "roles": roles}
    await _insert(session, actor, CLIENTS, values, details)
    client, version = await get_client(session, actor, row_id)
    return client, version, secret


async def update_client(
    session: AsyncSession, actor: Actor, row_id: str, data: ClientUpdate, if_match: str | None
) -> tuple[ClientRead, int]:
    """Applies the change; a deactivated client gets no new tokens and its tokens stop working."""
    row = await _row(session, actor, CLIENTS, row_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True)
    if "roles" in values:
        values["roles"] = sorted(set(values["roles"]))
        _check_roles(actor, row.roles, values["roles"])
    if "scopes" in values:
        values["scopes"] = sorted(set(values["scopes"]))
    if "grant_types" in values:
        values["grant_types"] = sorted(set(values["grant_types"]))
    wrong = check_client_shape(
        row.client_type,
        values.get("grant_types", row.grant_types),
        values.get("redirect_uris", row.redirect_uris),
    )
    if wrong:
        raise InvalidClientSetup("; ".join(wrong))
    await _change(session, actor, CLIENTS, row, values)
    return await get_client(session, actor, row_id)


async def rotate_client_secret(session: AsyncSession, actor: Actor, row_id: str) -> tuple[str, str]:
    """Replaces the secret; the old one stops working with this transaction's commit.

    Returns the client's client_id and its new secret.
    """
    row = await _row(session, actor, CLIENTS, row_id, for_update=True)
    if row.client_type == "public":
        raise InvalidClientSetup("A public client has no secret to rotate")
    secret = new_opaque_token()
    values = {"secret_hash": token_hash(secret), "secret_rotated_at": datetime.now(UTC)}
    await repo.change(session, api_client, row_id, values)
    await record_audit(session, actor, "client.secret_rotated", "client", row_id)
    await emit(session, "client.secret_rotated", "client", row_id, [str(row.organization_id)])
    return str(row.client_id), secret
