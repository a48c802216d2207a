"""Data-protection endpoints for the owning organization's privacy officer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from services.cases.api.deps import PrivacyCase, PrivacyOfficer
from services.cases.privacy import service
from services.cases.privacy.schemas import AccessEntry, CaseExport, ErasureRead
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses

router = APIRouter(tags=["data-protection"])
BASE = "/cases/v1/cases/{case_id}"


@router.get(
    BASE + "/access-log",
    responses=problem_responses(400, 401, 404, 422),
    summary="Who read this case",
    description="Every read of the case's personal data, newest first. Only for the "
    "`privacy_officer` of the owning organization (404 for everyone else).",
)
async def list_access_log(
    case: PrivacyCase, session: SessionDep, who: PrivacyOfficer, page: Paged
) -> Page[AccessEntry]:
    return page.send(await service.access_log(session, case.id, page.params))


@router.get(
    BASE + "/data-export",
    response_model=CaseExport,
    responses=problem_responses(400, 401, 404, 422),
    summary="Export everything about the person (Art. 15 GDPR)",
    description="One JSON document: case, consent, person data, all plan versions with goals, "
    "consultations, referrals, volunteer assignments and the access log. "
    "The export itself is logged.",
)
async def export_case(case: PrivacyCase, session: SessionDep, who: PrivacyOfficer) -> Any:
    out = await service.export(session, who, case.id)
    await session.commit()  # the access-log row must be durable before personal data leave
    return JSONResponse(
        out.model_dump(mode="json"),
        headers={"Content-Disposition": f'attachment; filename="case-{case.reference}.json"'},
    )


@router.post(
    BASE + "/erasure",
    responses=problem_responses(400, 401, 404, 422),
    summary="Erase the person's data (Art. 17 GDPR)",
    description="Removes the person's data, every free text, the pseudonym and the external id "
    "of the case in one transaction; dates, fields, statuses and durations stay, so key figures "
    "do not change. Repeating it is harmless.",
)
async def erase_case(case: PrivacyCase, session: SessionDep, who: PrivacyOfficer) -> ErasureRead:
    out = await service.erase(session, who, case.id)
    await session.commit()
    return out
