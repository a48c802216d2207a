"""/funding/v1/consortia: municipalities applying together through a lead."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from services.common.auth import CurrentPrincipal
from services.common.db import SessionDep
from services.common.problems import problem_responses
from services.funding.api.deps import ApplicantUser
from services.funding.frames import consortia
from services.funding.frames.schemas import ConsortiumCreate, ConsortiumRead

router = APIRouter(prefix="/funding/v1/consortia", tags=["consortia"])


@router.post(
    "",
    status_code=201,
    responses=problem_responses(400, 401, 403, 404, 409, 422),
    summary="Form a consortium",
)
async def create_consortium(
    body: ConsortiumCreate, session: SessionDep, who: ApplicantUser
) -> ConsortiumRead:
    """The caller's municipality becomes the lead of a consortium with the listed members. Every
    member needs a planning frame; the consortium's frame is their sum; a municipality belongs to
    at most one consortium per programme (409 otherwise)."""
    out = await consortia.create_consortium(session, who, body)
    await session.commit()
    return out


@router.get("", responses=problem_responses(401), summary="List my consortia")
async def list_consortia(session: SessionDep, who: CurrentPrincipal) -> list[ConsortiumRead]:
    """Consortia the caller's organization belongs to."""
    return await consortia.list_for(session, who)


@router.get(
    "/{consortium_id}", responses=problem_responses(401, 404, 422), summary="Read a consortium"
)
async def get_consortium(
    consortium_id: Annotated[uuid.UUID, Path()], session: SessionDep, who: CurrentPrincipal
) -> ConsortiumRead:
    """A consortium with members and frames (members only)."""
    return await consortia.read_visible(session, who, consortium_id)
