"""/cases/v1/cases: open, list, read, change cases; consent and person data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.cases.api.deps import CaseId, CaseListReader, CaseWorker, CaseWorkerRole
from services.cases.api.responses import committed, created, paged
from services.cases.casefile import service
from services.cases.casefile.schemas import (
    CaseCreate,
    CaseFilters,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    Consent,
    Person,
)
from services.cases.privacy import service as privacy
from services.cases.vocab import AGS, CaseStatus, Day, Field_, Subject
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses

router = APIRouter(tags=["cases"])
RFC3339 = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$"
BASE = "/cases/v1/cases"
CHANGE_PROBLEMS = problem_responses(400, 401, 404, 409, 412, 422, 428)


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
    out = await service.open_case(session, who, body)
    return await created(session, idem, response, out, out.version, f"{BASE}/{out.id}")


def case_filters(
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
) -> CaseFilters:
    return CaseFilters(
        status=status,
        assigned_worker=assigned_worker,
        municipality=municipality,
        review_due_before=review_due_before,
        field=field,
        updated_since=updated_since,
    )


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
    filters: Annotated[CaseFilters, Depends(case_filters)],
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[CaseSummary]:
    return paged(request, response, await service.list_cases(session, who, page, filters))


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
    responses=CHANGE_PROBLEMS,
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
    out = await service.change_case(session, who, case_id, if_match, body)
    return await committed(session, response, out, out.version)


@router.put(
    BASE + "/{case_id}/consent",
    response_model=CaseRead,
    responses=CHANGE_PROBLEMS,
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
    out = await service.record_consent(session, who, case_id, if_match, body)
    return await committed(session, response, out, out.version)


@router.delete(
    BASE + "/{case_id}/consent",
    response_model=CaseRead,
    responses=CHANGE_PROBLEMS,
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
    out = await privacy.withdraw_consent(session, who, case_id, if_match)
    return await committed(session, response, out, out.version)


@router.put(
    BASE + "/{case_id}/person",
    response_model=CaseRead,
    responses=CHANGE_PROBLEMS,
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
    out = await service.put_person(session, who, case_id, if_match, body)
    return await committed(session, response, out, out.version)
