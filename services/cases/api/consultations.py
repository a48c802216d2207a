"""/cases/v1/cases/{case_id}/consultations: counselling contacts."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from services.cases.api.deps import CaseId, CaseWorker, CurrentCase
from services.cases.api.responses import committed, created, logged_page
from services.cases.contacts import service
from services.cases.contacts.schemas import ConsultationCreate, ConsultationRead, ConsultationUpdate
from services.cases.items import service as items
from services.cases.vocab import Field_
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import Page, PageParams, page_params
from services.common.problems import problem_responses

router = APIRouter(tags=["consultations"])
BASE = "/cases/v1/cases/{case_id}/consultations"
ItemId = Annotated[uuid.UUID, Path(description="Id of the consultation")]


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
    out = await service.log_consultation(session, who, case_id, body)
    location = f"/cases/v1/cases/{case_id}/consultations/{out.id}"
    return await created(session, idem, response, out, out.version, location)


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
    out = await service.list_consultations(session, who, case.id, page, field)
    return await logged_page(session, request, response, out)


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
    out = await items.read(session, who, service.CONSULTATIONS, case.id, consultation_id)
    return await committed(session, response, out, out.version)


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
    out = await service.change_consultation(session, who, case.id, consultation_id, if_match, body)
    return await committed(session, response, out, out.version)
