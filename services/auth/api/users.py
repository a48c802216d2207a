"""`/auth/v1/users` (admins and org_admins) and `/auth/v1/me` (everyone signed in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import AccountFilter, UserCreate, UserRead, UserUpdate
from services.auth.api.answers import Manager
from services.auth.api.deps import MANAGED_ACCOUNTS, AccountManager, PasswordsDep, Revocations
from services.auth.directory.schemas import UUID_PATTERN
from services.auth.tokens import introspection
from services.auth.tokens.schemas import Me
from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses
from services.common.routes import Resource

router = APIRouter(tags=["users"])
users = Resource(router, "/auth/v1/users", "user_id", MANAGED_ACCOUNTS)
UserId = Annotated[str, Path(pattern=UUID_PATTERN, description="User id")]


@router.get(
    "/auth/v1/me",
    responses=problem_responses(401),
    summary="Who am I",
    description=(
        "The caller as the access token names it, with its organization. 401 once the user or "
        "client is deactivated or the login (refresh token) was revoked."
    ),
)
async def read_me(session: SessionDep, revocations: Revocations, who: CurrentPrincipal) -> Me:
    return await introspection.describe(session, revocations, who)


@users.listing(
    "List users",
    "Admins see every user (filter by organization); an org_admin sees its own organization's.",
)
async def list_users(
    session: SessionDep,
    who: AccountManager,
    page: Paged,
    organization_id: Annotated[str | None, Query(pattern=UUID_PATTERN)] = None,
    active: Annotated[
        bool | None, Query(description="Only active (true) or deactivated (false) users")
    ] = None,
) -> Page[UserRead]:
    filters = AccountFilter(organization_id=organization_id, active=active)
    return page.send(await accounts.list_users(session, who, filters, page.params))


@users.create(
    "Create a user",
    "Admins create users anywhere; an org_admin only in its own organization and never with "
    "the `admin` role. The password must have 12-128 characters and must not contain the "
    "username. Usernames are unique, so a retried create answers 409.",
)
async def create_user(body: UserCreate, caller: Manager, passwords: PasswordsDep) -> UserRead:
    user = await accounts.create_user(*caller.key, body, passwords)
    return await caller.added(user, users.path)


@users.read(
    "Get a user",
    "A user the caller manages (404 for users of other organizations); "
    "the ETag is needed to change it.",
)
async def read_user(user_id: UserId, caller: Manager) -> UserRead:
    return caller.tagged(await accounts.get_user(*caller.key, user_id))


@users.change(
    "Change or deactivate a user",
    "Send If-Match with the ETag you read. `active: false` deactivates: the user cannot log "
    "in and every refresh token stops working at once. A new password also ends all sessions.",
)
async def update_user(
    user_id: UserId,
    body: UserUpdate,
    caller: Manager,
    passwords: PasswordsDep,
    if_match: IfMatchHeader = None,
) -> UserRead:
    user = await accounts.update_user(*caller.key, user_id, body, if_match, passwords)
    return await caller.saved(user)
