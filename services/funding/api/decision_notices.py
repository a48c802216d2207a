"""/funding/v1/applications/{id}/decision-notice(.pdf): the Zuwendungsbescheid, JSON and PDF."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Header, Response

from services.common.auth import CurrentPrincipal
from services.common.db import SessionDep
from services.common.problems import problem_responses
from services.funding.api.deps import ApplicationId
from services.funding.applications.notice import DecisionNotice, notice_for
from services.funding.applications.notice_pdf import render_pdf

router = APIRouter(
    prefix="/funding/v1/applications/{application_id}/decision-notice", tags=["decision-notices"]
)

PDF = "application/pdf"


def wants_pdf(accept: str | None) -> bool:
    """True when the client prefers a PDF: `Accept: application/pdf` (before any JSON type)."""
    if not accept:
        return False
    types = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    for t in types:
        if t == PDF:
            return True
        if t in ("application/json", "application/*", "*/*"):
            return False
    return False


NOTICE_RESPONSES = problem_responses(401, 404, 409, 422)


@router.get(
    "",
    response_model=DecisionNotice,
    responses=NOTICE_RESPONSES,
    summary="Read the decision notice",
)
async def get_decision_notice(
    application_id: ApplicationId,
    session: SessionDep,
    who: CurrentPrincipal,
    accept: Annotated[str | None, Header(max_length=500, include_in_schema=False)] = None,
) -> Response | DecisionNotice:
    """The grant decision notice (Zuwendungsbescheid) of a decided application as JSON, for
    everyone on its route. 409 before the decision. The PDF is its own operation,
    `GET .../decision-notice.pdf` (`Accept: application/pdf` here still answers it, for clients
    of version 1)."""
    notice = await notice_for(session, who, application_id)
    if wants_pdf(accept):
        return await _pdf_response(notice)
    return notice


@router.get(
    ".pdf",
    response_class=Response,
    responses={
        200: {
            "description": "The notice as a PDF document",
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
        },
        **NOTICE_RESPONSES,
    },
    summary="Download the decision notice as PDF",
)
async def get_decision_notice_pdf(
    application_id: ApplicationId, session: SessionDep, who: CurrentPrincipal
) -> Response:
    """The same notice as a printable PDF (`application/pdf`), for everyone on the route. 409
    before the decision."""
    return await _pdf_response(await notice_for(session, who, application_id))


async def _pdf_response(notice: DecisionNotice) -> Response:
    pdf = await asyncio.to_thread(render_pdf, notice)
    return Response(
        pdf,
        media_type=PDF,
        headers={"Content-Disposition": f'inline; filename="{notice.notice_number}.pdf"'},
    )
