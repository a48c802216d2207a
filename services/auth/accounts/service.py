"""Use cases for users and API clients (what both kinds share: `kinds`).

Confinement: `admin` (and operators on the command line) manage everything; `org_admin`
manages the users and clients of its own organization only. Objects of other organizations
are invisible to an org_admin (404); creating in another organization is forbidden (403);
nobody but an admin grants the `admin` role.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as repo
from services.auth.accounts.confinement import Actor
from services.auth.accounts.kinds import (
    CLIENTS,
    USERS,
    change,
    check_roles,
    check_target,
    insert,
    managed_row,
    page_rows,
)
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
from services.auth.errors import InvalidClientSetup
from services.auth.models import api_client
from services.auth.security import Passwords, check_password_policy, new_opaque_token, token_hash
from services.common.audit import record_audit
from services.common.concurrency import check_if_match
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, make_page
from services.common.problem_types import texts


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


async def list_users(
    session: AsyncSession, actor: Actor, filters: AccountFilter, page: PageParams
) -> Page[UserRead]:
    """A page of the users the actor may manage, by username."""
    rows = await page_rows(session, actor, USERS, filters, page)
    return make_page(rows, page.limit, key=lambda r: (r.username,), to_item=user_read)


async def list_clients(
    session: AsyncSession, actor: Actor, filters: AccountFilter, page: PageParams
) -> Page[ClientRead]:
    """A page of the API clients the actor may manage, by client_id."""
    rows = await page_rows(session, actor, CLIENTS, filters, page)
    return make_page(rows, page.limit, key=lambda r: (r.client_id,), to_item=client_read)


async def get_user(session: AsyncSession, actor: Actor, user_id: str) -> tuple[UserRead, int]:
    """A user the actor manages and its version (the ETag); 404 for any other."""
    row = await managed_row(session, actor, USERS, user_id)
    return user_read(row), int(row.version)


async def get_client(session: AsyncSession, actor: Actor, row_id: str) -> tuple[ClientRead, int]:
    """A client the actor manages and its version (the ETag); 404 for any other."""
    row = await managed_row(session, actor, CLIENTS, row_id)
    return client_read(row), int(row.version)


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
    await check_target(session, actor, data.organization_id, roles)
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
    await insert(session, actor, USERS, values, details)
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
    row = await managed_row(session, actor, USERS, user_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True, exclude={"password", "roles"})
    if data.roles is not None:
        values["roles"] = sorted(set(data.roles))
        check_roles(actor, row.roles, values["roles"])
    if data.password is not None:
        password = data.password.get_secret_value()
        check_password_policy(password, row.username)
        values["password_hash"] = await passwords.hash_async(password)
    if data.active is not None and data.active != row.active:
        values["deactivated_at"] = None if data.active else datetime.now(UTC)
    else:
        values.pop("active", None)
    await change(session, actor, USERS, row, values)
    if values.get("active") is False or "password_hash" in values:
        await repo.revoke_user_refresh_tokens(session, user_id)
    return await get_user(session, actor, user_id)


async def create_client(
    session: AsyncSession, actor: Actor, data: ClientCreate, secret: str | None = None
) -> tuple[ClientRead, int, str | None]:
    """Creates a client; returns it, its version and its secret, which is stored only hashed
    (public clients have none)."""
    roles = sorted(set(data.roles))
    await check_target(session, actor, data.organization_id, roles)
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
    await insert(session, actor, CLIENTS, values, details)
    client, version = await get_client(session, actor, row_id)
    return client, version, secret


async def update_client(
    session: AsyncSession, actor: Actor, row_id: str, data: ClientUpdate, if_match: str | None
) -> tuple[ClientRead, int]:
    """Applies the change; a deactivated client gets no new tokens and its tokens stop working."""
    row = await managed_row(session, actor, CLIENTS, row_id, for_update=True)
    check_if_match(if_match, row.version)
    values: dict[str, Any] = data.model_dump(exclude_none=True)
    if "roles" in values:
        values["roles"] = sorted(set(values["roles"]))
        check_roles(actor, row.roles, values["roles"])
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
        raise InvalidClientSetup(
            texts(
                "; ".join(w.pick("en")[0] for w in wrong), "; ".join(w.pick("de")[0] for w in wrong)
            )
        )
    await change(session, actor, CLIENTS, row, values)
    return await get_client(session, actor, row_id)


async def rotate_client_secret(session: AsyncSession, actor: Actor, row_id: str) -> tuple[str, str]:
    """Replaces the secret; the old one stops working with this transaction's commit.

    Returns the client's client_id and its new secret.
    """
    row = await managed_row(session, actor, CLIENTS, row_id, for_update=True)
    if row.client_type == "public":
        raise InvalidClientSetup(
            texts(
                "A public client has no secret to rotate",
                "Ein öffentlicher Client hat kein Secret, das sich erneuern ließe",
            )
        )
    secret = new_opaque_token()
    values = {"secret_hash": token_hash(secret), "secret_rotated_at": datetime.now(UTC)}
    await repo.change(session, api_client, row_id, values)
    await record_audit(session, actor, "client.secret_rotated", "client", row_id)
    await emit(session, "client.secret_rotated", "client", row_id, [str(row.organization_id)])
    return str(row.client_id), secret
