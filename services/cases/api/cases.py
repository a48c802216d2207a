"""/cases/v1/cases: open, list, read, change cases; consent and person data."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import select

from services.cases.api.deps import CaseId, CaseListReader, CaseWorker, CaseWorkerRole
from services.cases.api.responses import created
from services.cases.casefile import repository as repo
from services.cases.casefile import service
from services.cases.casefile.schemas import (
    CaseCreate,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    Consent,
    Person,
)
from services.cases.errors import BadQuery
from services.cases.models import client_case, plan_goal
from services.cases.vocab import AGS, CaseStatus, Day, Field_, Subject
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import (
    Page,
    PageParams,
    decode_cursor,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import InvalidInput, problem_responses

router = APIRouter(tags=["cases"])
RFC3339 = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$"
BASE = "/cases/v1/cases"


@router.post(
    BASE,
    status_code=201,
    response_model=CaseRead,
    responses=problem_responses(400, 401, 403, 409, 422),
    summary="Open a case",
    description="Opens a case for the caller's organization and assigns the next reference number "
    "(`<year>-<number>`, per organization and year). Accepts `Idempotency-Key`.",
)
async def open_case(
    body: CaseCreate,
    response: Response,
    session: SessionDep,
    who: CaseWorkerRole,
    idem: IdempotencyDep,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    row = await service.open_case(session, who, body)
    out = service.full(row, None)
    location = f"{BASE}/{row.id}"
    return await created(session, idem, response, out, row.version, location)


@router.get(
    BASE,
    response_model=Page[CaseSummary],
    responses=problem_responses(400, 401, 403, 422),
    summary="List cases of your organization",
    description="Cases of the caller's organization, oldest first, without personal data. "
    "Filters combine with AND.",
)
async def list_cases(
    request: Request,
    response: Response,
    session: SessionDep,
    who: CaseListReader,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[CaseStatus | None, Query(description="Only cases in this status")] = None,
    assigned_worker: Annotated[
        Subject | None, Query(description="Only cases of this case worker")
    ] = None,
    municipality: Annotated[
        AGS | None, Query(description="Only cases living in this municipality (AGS)")
    ] = None,
    review_due_before: Annotated[
        Day | None, Query(description="Only cases whose next review is before this date")
    ] = None,
    field: Annotated[
        Field_ | None, Query(description="Only cases with a goal in this field")
    ] = None,
    updated_since: Annotated[
        str | None,
        Query(
            pattern=RFC3339,
            max_length=40,
            description="Only cases changed at or after this time (RFC 3339 with offset)",
            examples=["2026-03-01T00:00:00Z"],
        ),
    ] = None,
) -> Page[CaseSummary]:
    filters: list[Any] = []
    if status:
        filters.append(client_case.c.status == status)
    if assigned_worker:
        filters.append(client_case.c.assigned_worker == assigned_worker)
    if municipality:
        filters.append(client_case.c.municipality_ags == municipality)
    if review_due_before:
        filters.append(client_case.c.next_review_on < review_due_before)
    if field:
        has_goal = select(plan_goal.c.case_id).where(
            plan_goal.c.case_id == client_case.c.id, plan_goal.c.field == field
        )
        filters.append(has_goal.exists())
    if updated_since:
        try:
            since = dt.datetime.fromisoformat(updated_since)
        except ValueError as exc:
            raise BadQuery("updated_since is not a valid time", parameter="updated_since") from exc
        filters.append(client_case.c.updated_at >= since)
    after = None
    if page.cursor:
        created, case_id = decode_cursor(page.cursor, 2)
        try:
            after = (dt.datetime.fromisoformat(created), uuid.UUID(case_id))
        except (TypeError, ValueError) as exc:
            raise InvalidInput("The cursor is not one this API issued") from exc
    rows = await repo.list_page(session, who.org, limit=page.limit, after=after, filters=filters)
    result = make_page(
        rows,
        page.limit,
        key=lambda r: (r.created_at.isoformat(), str(r.id)),
        to_item=service.summary,
    )
    set_link_header(request, response, result.next_cursor)
    return result


@router.get(
    BASE + "/{case_id}",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a case",
    description="The case with its consent and, while consent is active, the person's data. "
    "Every read is written to the access log before the answer leaves.",
)
async def read_case(case_id: CaseId, session: SessionDep, who: CaseWorker) -> Any:
    out = await service.read_case(session, who, case_id)
    await session.commit()  # the access-log row must be durable before personal data leave
    return Response(
        out.model_dump_json(), media_type="application/json", headers={"ETag": f'"{out.version}"'}
    )


@router.patch(
    BASE + "/{case_id}",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Change, pause, close or reopen a case",
    description="Send If-Match with the case's ETag. `status: closed` needs a `closing_reason`.",
)
async def change_case(
    case_id: CaseId,
    body: CaseUpdate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    row = await service.change_case(session, who, case_id, if_match, body)
    person = await repo.get_person(session, case_id)
    await repo.log_access(session, case_id, who.org, who, "case")
    await session.commit()
    set_etag(response, row.version)
    return service.full(row, person)


@router.put(
    BASE + "/{case_id}/consent",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Record consent",
    description="Records (or renews) the person's consent. Send If-Match with the case's ETag.",
)
async def record_consent(
    case_id: CaseId,
    body: Consent,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    row = await service.record_consent(session, who, case_id, if_match, body)
    person = await repo.get_person(session, case_id)
    await repo.log_access(session, case_id, who.org, who, "case")
    await session.commit()
    set_etag(response, row.version)
    return service.full(row, person)


@router.delete(
    BASE + "/{case_id}/consent",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Withdraw consent",
    description="Withdraws consent: the person's data and all free text of the case are removed at "
    "once; the case and its anonymous statistics stay. Send If-Match.",
)
async def withdraw_consent(
    case_id: CaseId,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    row = await service.withdraw_consent(session, who, case_id, if_match)
    await session.commit()
    set_etag(response, row.version)
    return service.full(row, None)


@router.put(
    BASE + "/{case_id}/person",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Store the person's data",
    description="Replaces the person's data (omitted fields become null). Needs active consent "
    "(409 `consent-required` otherwise). Send If-Match with the case's ETag.",
)
async def put_person(
    case_id: CaseId,
    body: Person,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    row, person = await service.put_person(session, who, case_id, if_match, body)
    await repo.log_access(session, case_id, who.org, who, "case")
    await session.commit()
    set_etag(response, row.version)
    return service.full(row, person)
