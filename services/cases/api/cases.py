"""/cases/v1/cases: open, list, read, change cases; consent and person data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from services.cases.api.commissioner import CommissionerCheck, Commissioners
from services.cases.api.deps import CaseId, CaseListReader, case_worker_of, case_worker_role_of
from services.cases.api.key_figures import directory
from services.cases.api.scope import ThisCase, create_once
from services.cases.casefile import schemas, service
from services.cases.casefile.schemas import CaseFilters, CaseRead, CaseSummary
from services.cases.privacy import service as privacy
from services.cases.vocab import AGS, CaseStatus, Day, Field_, Subject
from services.common.auth import bearer_scheme
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyKeyHeader
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses
from services.common.routes import creates

router = APIRouter(tags=["cases"])
RFC3339 = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$"
BASE = "/cases/v1/cases"
CHANGE_PROBLEMS = problem_responses(400, 401, 404, 409, 412, 422, 428)
PATCH_PROBLEMS = problem_responses(400, 401, 404, 409, 412, 422, 428, 503)


@router.post(
    BASE,
    **creates(400, 401, 403, 409, 422, 503, model=CaseRead),
    summary="Open a case",
    description="Opens a case for the caller's organization and assigns the next reference number "
    "(`<year>-<number>`, per organization and year). Accepts `Idempotency-Key`.",
)
async def open_case(
    request: Request, body: schemas.CaseCreate, idempotency_key: IdempotencyKeyHeader = None
) -> Any:
    # what `NewInOrg` and `CommissionerCheck` give, gathered here rather than declared: their
    # resolution cost this route more CPU than its statement (make bench, issue 16)
    who = await case_worker_role_of(request)
    if body.commissioned_by is not None:
        found = await directory(request, await bearer_scheme(request))
        await Commissioners(found).check(body.commissioned_by)
    return await create_once(
        request, who, idempotency_key, lambda db: service.open_case(db, who, body), "cases"
    )


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
    # the parameters are the filters' fields, by name
    return CaseFilters(**locals())


@router.get(
    BASE,
    responses=problem_responses(400, 401, 403, 422),
    summary="List cases of your organization",
    description="Cases of the caller's organization, oldest first, without personal data. "
    "Filters combine with AND.",
)
async def list_cases(
    session: SessionDep,
    who: CaseListReader,
    filters: Annotated[CaseFilters, Depends(case_filters)],
    page: Paged,
) -> Page[CaseSummary]:
    return page.send(await service.list_cases(session, who, page.params, filters))


@router.get(
    BASE + "/{case_id}",
    response_model=CaseRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a case",
    description="The case with its consent and, while consent is active, the person's data. "
    "Every read is written to the access log before the answer leaves.",
)
async def read_case(case_id: CaseId, request: Request) -> Any:
    who = await case_worker_of(request)
    # the read and its access-log row are the request's one statement, committed by PostgreSQL
    # before it answers: the row is durable before personal data leave
    out = await service.read_case(request.app.state.sessionmaker, who, case_id)
    return Response(
        out.model_dump_json(), media_type="application/json", headers={"ETag": f'"{out.version}"'}
    )


@router.patch(
    BASE + "/{case_id}",
    responses=PATCH_PROBLEMS,
    summary="Change, pause, close or reopen a case",
    description="Send If-Match with the case's ETag. `status: closed` needs a `closing_reason`.",
)
async def change_case(
    case: ThisCase,
    body: schemas.CaseUpdate,
    commissioners: CommissionerCheck,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    await commissioners.check(body.commissioned_by)
    return await case.answer(await service.change_case(*case.key, if_match, body))


@router.put(
    BASE + "/{case_id}/consent",
    responses=CHANGE_PROBLEMS,
    summary="Record consent",
    description="Records (or renews) the person's consent. Send If-Match with the case's ETag.",
)
async def record_consent(
    case: ThisCase, body: schemas.Consent, if_match: IfMatchHeader = None
) -> CaseRead:
    return await case.answer(await service.record_consent(*case.key, if_match, body))


@router.delete(
    BASE + "/{case_id}/consent",
    responses=CHANGE_PROBLEMS,
    summary="Withdraw consent",
    description="Withdraws consent: the person's data and all free text of the case are removed at "
    "once; the case and its anonymous statistics stay. Send If-Match.",
)
async def withdraw_consent(case: ThisCase, if_match: IfMatchHeader = None) -> CaseRead:
    return await case.answer(await privacy.withdraw_consent(*case.key, if_match))


@router.put(
    BASE + "/{case_id}/person",
    responses=CHANGE_PROBLEMS,
    summary="Store the person's data",
    description="Replaces the person's data (omitted fields become null). Needs active consent "
    "(409 `consent-required` otherwise). Send If-Match with the case's ETag.",
)
async def put_person(
    case: ThisCase, body: schemas.Person, if_match: IfMatchHeader = None
) -> CaseRead:
    return await case.answer(await service.put_person(*case.key, if_match, body))
