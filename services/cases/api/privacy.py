"""Data-protection endpoints for the owning organization's privacy officer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from services.cases.api.scope import OfficerCase
from services.cases.privacy import service
from services.cases.privacy.schemas import AccessEntry, CaseExport, ErasureRead
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses

# everyone but the case's privacy officer gets 404 (so no 403), on every operation alike
router = APIRouter(
    prefix="/cases/v1/cases/{case_id}",
    tags=["data-protection"],
    responses=problem_responses(400, 401, 404, 422),
)


@router.get(
    "/access-log",
    summary="Who read this case",
    description="Every read of the case's personal data, newest first. Only for the "
    "`privacy_officer` of the owning organization (404 for everyone else).",
)
async def list_access_log(case: OfficerCase, page: Paged) -> Page[AccessEntry]:
    return page.send(await service.access_log(case.session, case.case.id, page.params))


@router.get(
    "/data-export",
    response_model=CaseExport,
    summary="Export everything about the person (Art. 15 GDPR)",
    description="One JSON document: case, consent, person data, all plan versions with goals, "
    "consultations, referrals, volunteer assignments and the access log. "
    "The export itself is logged.",
)
async def export_case(case: OfficerCase) -> Any:
    out = await case.committed(await service.export(*case.key))
    return JSONResponse(
        out.model_dump(mode="json"),
        headers={"Content-Disposition": f'attachment; filename="case-{case.case.reference}.json"'},
    )


@router.post(
    "/erasure",
    summary="Erase the person's data (Art. 17 GDPR)",
    description="Removes the person's data, every free text, the pseudonym and the external id "
    "of the case in one transaction; dates, fields, statuses and durations stay, so key figures "
    "do not change. Repeating it is harmless.",
)
async def erase_case(case: OfficerCase) -> ErasureRead:
    return await case.committed(await service.erase(*case.key))
