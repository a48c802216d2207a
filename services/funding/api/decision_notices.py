"""/funding/v1/applications/{id}/decision-notice: the Zuwendungsbescheid, as JSON or PDF."""

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


@router.get(
    "",
    response_model=DecisionNotice,
    responses={
        200: {
            "description": "The notice as JSON, or as a PDF with `Accept: application/pdf`",
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(401, 404, 409, 422),
    },
    summary="Read the decision notice",
)
async def get_decision_notice(
    application_id: ApplicationId,
    session: SessionDep,
    who: CurrentPrincipal,
    accept: Annotated[str | None, Header(max_length=500)] = None,
) -> Response | DecisionNotice:
    """The grant decision notice (Zuwendungsbescheid) of a decided application, for everyone on
    its route: JSON by default, a PDF with `Accept: application/pdf`. 409 before the decision."""
    notice = await notice_for(session, who, application_id)
    if wants_pdf(accept):
        pdf = await asyncio.to_thread(render_pdf, notice)
        return Response(
            pdf,
            media_type=PDF,
            headers={"Content-Disposition": f'inline; filename="{notice.notice_number}.pdf"'},
        )
    return notice
