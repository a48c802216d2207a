"""/cases/v1/cases/{case_id}/consultations: counselling contacts."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.cases.api.scope import InCase, NewInCase
from services.cases.contacts import service
from services.cases.contacts.schemas import ConsultationCreate, ConsultationRead, ConsultationUpdate
from services.cases.vocab import Field_
from services.common.concurrency import IfMatchHeader
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
async def log_consultation(new: NewInCase, body: ConsultationCreate) -> Any:
    return await new.create(lambda: service.log_consultation(*new.key, body), "consultations")


@router.get(
    BASE,
    responses=problem_responses(400, 401, 404, 422),
    summary="List consultations",
    description="Consultations of the case in the order they were logged. The read is logged.",
)
async def list_consultations(
    scope: InCase,
    page: Annotated[PageParams, Depends(page_params)],
    field: Annotated[
        Field_ | None, Query(description="Only consultations that discussed this field")
    ] = None,
) -> Page[ConsultationRead]:
    return await scope.page(await service.list_consultations(*scope.key, page, field))


@router.get(
    BASE + "/{consultation_id}",
    responses=problem_responses(400, 401, 404, 422),
    summary="Read a consultation",
    description="One consultation; the ETag is its version. The read is logged.",
)
async def read_consultation(scope: InCase, consultation_id: ItemId) -> ConsultationRead:
    return await scope.read(service.CONSULTATIONS, consultation_id)


@router.patch(
    BASE + "/{consultation_id}",
    responses=problem_responses(400, 401, 404, 409, 412, 422, 428),
    summary="Correct a consultation",
    description="Send If-Match with the consultation's ETag.",
)
async def change_consultation(
    scope: InCase, consultation_id: ItemId, body: ConsultationUpdate, if_match: IfMatchHeader = None
) -> ConsultationRead:
    return await scope.change(service.change_consultation, consultation_id, if_match, body)
