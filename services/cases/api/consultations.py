"""/cases/v1/cases/{case_id}/consultations: counselling contacts."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from services.cases.api.deps import CaseId, CaseWorker, CurrentCase
from services.cases.api.responses import created, keyset_after
from services.cases.casefile import repository as case_repo
from services.cases.contacts import repository as repo
from services.cases.contacts import service
from services.cases.contacts.schemas import ConsultationCreate, ConsultationRead, ConsultationUpdate
from services.cases.errors import CaseNotFound, ItemNotFound
from services.cases.models import consultation
from services.cases.vocab import Field_
from services.common.concurrency import IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import (
    Page,
    PageParams,
    make_page,
    page_params,
    set_link_header,
)
from services.common.problems import problem_responses

router = APIRouter(tags=["consultations"])
BASE = "/cases/v1/cases/{case_id}/consultations"
ItemId = Annotated[uuid.UUID, Path(description="Id of the consultation")]


def _read(row: Any) -> ConsultationRead:
    return ConsultationRead.model_validate(row, from_attributes=True)


@router.post(
    BASE,
    status_code=201,
    response_model=ConsultationRead,
    responses=problem_responses(400, 401, 404, 409, 422),
    summary="Log a consultation",
    description="Records one counselling contact. Accepts `Idempotency-Key`. "
    "Emits `consultation.logged`.",
)
async def log_consultation(
    case_id: CaseId,
    body: ConsultationCreate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    idem: IdempotencyDep,
) -> Any:
    if (replay := await idem.claim(session, who)) is not None:
        return replay
    if await case_repo.get(session, case_id, who.org) is None:
        raise CaseNotFound()
    row = await service.log_consultation(session, who, case_id, body)
    out = _read(row)
    return await created(
        session,
        idem,
        response,
        out,
        row.version,
        f"/cases/v1/cases/{case_id}/consultations/{row.id}",
    )


@router.get(
    BASE,
    response_model=Page[ConsultationRead],
    responses=problem_responses(400, 401, 404, 422),
    summary="List consultations",
    description="Consultations of the case in the order they were logged. The read is logged.",
)
async def list_consultations(
    request: Request,
    response: Response,
    case: CurrentCase,
    session: SessionDep,
    who: CaseWorker,
    page: Annotated[PageParams, Depends(page_params)],
    field: Annotated[
        Field_ | None, Query(description="Only consultations that discussed this field")
    ] = None,
) -> Page[ConsultationRead]:
    after = keyset_after(page.cursor)
    filters = [consultation.c.fields.any_() == field] if field else []
    rows = await repo.page(
        session, consultation, case.id, limit=page.limit, after=after, filters=filters
    )
    await case_repo.log_access(session, case.id, who.org, who, "consultations")
    await session.commit()
    result = make_page(rows, page.limit, key=repo.cursor_key, to_item=_read)
    set_link_header(request, response, result.next_cursor)
    return result


@router.get(
    BASE + "/{consultation_id}",
    response_model=ConsultationRead,
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a consultation",
    description="One consultation; the ETag is its version. The read is logged.",
)
async def read_consultation(
    case: CurrentCase,
    consultation_id: ItemId,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
) -> ConsultationRead:
    row = await repo.get(session, consultation, case.id, consultation_id)
    if row is None:
        raise ItemNotFound()
    await case_repo.log_access(session, case.id, who.org, who, "consultations")
    await session.commit()
    set_etag(response, row.version)
    return _read(row)


@router.patch(
    BASE + "/{consultation_id}",
    response_model=ConsultationRead,
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Correct a consultation",
    description="Send If-Match with the consultation's ETag.",
)
async def change_consultation(
    case: CurrentCase,
    consultation_id: ItemId,
    body: ConsultationUpdate,
    response: Response,
    session: SessionDep,
    who: CaseWorker,
    if_match: IfMatchHeader = None,
) -> ConsultationRead:
    row = await service.change_consultation(session, who, case.id, consultation_id, if_match, body)
    await session.commit()
    set_etag(response, row.version)
    return _read(row)
