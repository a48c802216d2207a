"""A small app built with services/common alone, to test the kit the way services use it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from services.common.app import KeyResolverFactory, create_service_app
from services.common.audit import record_audit
from services.common.auth import CurrentPrincipal, Principal, require_roles
from services.common.concurrency import IfMatchHeader, check_if_match, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.outbox import emit, events_router
from services.common.pagination import (
    Page,
    PageParams,
    cursor_after,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import Conflict, problem_responses
from services.common.settings import ServiceSettings
from services.common.sql import run
from services.common.tables import audit_entry

router = APIRouter(tags=["probes"])


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=200)
    count: int = Field(1, ge=0, le=1000)


class NoteOut(BaseModel):
    id: str
    text: str


class Entry(BaseModel):
    id: int
    action: str


@router.post("/probe/v1/notes", status_code=201, responses=problem_responses(401, 409, 422))
async def create_note(
    body: NoteIn, session: SessionDep, who: CurrentPrincipal, idem: IdempotencyDep
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    total = (await run(session, select(func.count()).select_from(audit_entry))).scalar_one()
    await record_audit(session, who, "note.created", "note", total + 1, {"count": body.count})
    await emit(session, "note.created", "note", total + 1, [who.org], {"count": body.count})
    out = NoteOut(id=str(total + 1), text=body.text)
    await idem.remember(session, 201, out.model_dump(mode="json"))
    await session.commit()
    return out


@router.get("/probe/v1/entries")
async def list_entries(
    request: Request,
    response: Response,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[Entry]:
    stmt = select(audit_entry.c.id, audit_entry.c.action).order_by(audit_entry.c.id)
    if (after := cursor_after(page.cursor, int)) is not None:
        stmt = stmt.where(audit_entry.c.id > after[0])
    rows = (await run(session, stmt.limit(page.limit + 1))).all()
    result = make_page(
        rows, page.limit, key=lambda r: (r.id,), to_item=lambda r: Entry(id=r.id, action=r.action)
    )
    set_link_header(request, response, result.next_cursor)
    return result


@router.put("/probe/v1/versioned")
async def update_versioned(
    response: Response,
    if_match: IfMatchHeader = None,
    version: Annotated[int, Query(ge=0, le=10**6)] = 3,
) -> dict[str, int]:
    check_if_match(if_match, version)
    set_etag(response, version + 1)
    return {"version": version + 1}


@router.get("/probe/v1/versioned")
async def read_versioned(
    response: Response, version: Annotated[int, Query(ge=0, le=10**6)] = 3
) -> dict[str, int]:
    set_etag(response, version)
    return {"version": version}


@router.get("/probe/v1/admin-only")
async def admin_only(who: Annotated[Principal, Depends(require_roles("admin"))]) -> dict[str, str]:
    return {"sub": who.subject}


@router.get("/probe/v1/conflict")
async def conflict() -> None:
    raise Conflict("Already decided", state="approved")


@router.get("/probe/v1/boom")
async def boom() -> None:
    raise RuntimeError("secret internals: password=hunter2")


@router.get("/probe/v1/overflow")
async def overflow(session: SessionDep) -> None:
    from sqlalchemy import text

    await run(session, text("SELECT 2147483647::int + 1"))


def create_probe_app(
    settings: ServiceSettings, key_resolver: KeyResolverFactory | None = None
) -> FastAPI:
    return create_service_app(
        name="probe",
        title="probe",
        description="test app",
        settings=settings,
        routers=[router, events_router("probe", lambda p: [p.org])],
        key_resolver=key_resolver,
    )
