"""/cases/v1/cases/{case_id}/consultations: counselling contacts."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from services.cases.api.items import item_routes
from services.cases.api.scope import InCase, NewInCase
from services.cases.contacts import service
from services.cases.contacts.schemas import ConsultationCreate, ConsultationRead, ConsultationUpdate
from services.cases.vocab import Field_
from services.common.concurrency import IfMatchHeader
from services.common.pagination import Page, PageParams, page_params

router = APIRouter(tags=["consultations"])
routes = item_routes(router, "consultations", "consultation_id")
ItemId = Annotated[uuid.UUID, Path(description="Id of the consultation")]


@routes.create(
    "Log a consultation",
    "Records one counselling contact. Accepts `Idempotency-Key`. Emits `consultation.logged`.",
    ConsultationRead,
)
async def log_consultation(new: NewInCase, body: ConsultationCreate) -> Any:
    return await new.create(lambda: service.log_consultation(*new.key, body), "consultations")


@routes.listing(
    "List consultations",
    "Consultations of the case in the order they were logged. The read is logged.",
)
async def list_consultations(
    scope: InCase,
    page: Annotated[PageParams, Depends(page_params)],
    field: Annotated[
        Field_ | None, Query(description="Only consultations that discussed this field")
    ] = None,
) -> Page[ConsultationRead]:
    return await scope.page(await service.list_consultations(*scope.key, page, field))


@routes.read(
    "Read a consultation", "One consultation; the ETag is its version. The read is logged."
)
async def read_consultation(scope: InCase, consultation_id: ItemId) -> ConsultationRead:
    return await scope.read(service.CONSULTATIONS, consultation_id)


@routes.change("Correct a consultation", "Send If-Match with the consultation's ETag.")
async def change_consultation(
    scope: InCase, consultation_id: ItemId, body: ConsultationUpdate, if_match: IfMatchHeader = None
) -> ConsultationRead:
    return await scope.change(service.change_consultation, consultation_id, if_match, body)
