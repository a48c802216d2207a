"""`/auth/v1/clients`: API clients for machines (admins and org_admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import (
    AccountFilter,
    ClientCreate,
    ClientCreated,
    ClientRead,
    ClientSecret,
    ClientUpdate,
)
from services.auth.api.answers import Manager
from services.auth.api.deps import MANAGED_ACCOUNTS, AccountManager
from services.auth.directory.schemas import UUID_PATTERN
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.routes import Resource, creates

router = APIRouter(tags=["clients"])
clients = Resource(router, "/auth/v1/clients", "client_row_id", MANAGED_ACCOUNTS)
ClientRowId = Annotated[
    str, Path(pattern=UUID_PATTERN, description="Id of the client record (not the client_id)")
]
NO_STORE = {"Cache-Control": "no-store"}


@clients.listing(
    "List API clients",
    "Admins see every client (filter by organization); an org_admin sees its own organization's.",
)
async def list_clients(
    session: SessionDep,
    who: AccountManager,
    page: Paged,
    organization_id: Annotated[str | None, Query(pattern=UUID_PATTERN)] = None,
    active: Annotated[bool | None, Query()] = None,
) -> Page[ClientRead]:
    filters = AccountFilter(organization_id=organization_id, active=active)
    return page.send(await accounts.list_clients(session, who, filters, page.params))


@clients.create(
    "Create an API client",
    "Creates a machine client bound to one organization. The response shows `client_secret` "
    "once; only its hash is kept. An org_admin creates clients for its own organization only.",
)
async def create_client(body: ClientCreate, caller: Manager) -> ClientCreated:
    client, version, secret = await accounts.create_client(*caller.key, body)
    await caller.added((client, version), clients.path)
    caller.response.headers.update(NO_STORE)
    return ClientCreated(**client.model_dump(), client_secret=secret)


@clients.read(
    "Get an API client",
    "A client the caller manages (404 for other organizations' clients); never shows the secret.",
)
async def read_client(client_row_id: ClientRowId, caller: Manager) -> ClientRead:
    return caller.tagged(await accounts.get_client(*caller.key, client_row_id))


@clients.change(
    "Change or deactivate an API client",
    "Send If-Match. A deactivated client gets no new tokens and its tokens introspect as inactive.",
)
async def update_client(
    client_row_id: ClientRowId, body: ClientUpdate, caller: Manager, if_match: IfMatchHeader = None
) -> ClientRead:
    return await caller.saved(
        await accounts.update_client(*caller.key, client_row_id, body, if_match)
    )


@router.post(
    "/auth/v1/clients/{client_row_id}/secrets",
    **creates(401, 403, 404, 422),
    summary="Rotate an API client's secret",
    description="Issues a new secret (shown once); the previous secret stops working immediately.",
)
async def rotate_client_secret(client_row_id: ClientRowId, caller: Manager) -> ClientSecret:
    client_id, secret = await accounts.rotate_client_secret(*caller.key, client_row_id)
    await caller.session.commit()
    caller.response.headers.update(NO_STORE)
    return ClientSecret(client_id=client_id, client_secret=secret)
