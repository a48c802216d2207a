"""/funding/v1/consortia: municipalities applying together through a lead, by consent."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from typing import Annotated

from fastapi import APIRouter, Path, Response
from fastapi.responses import JSONResponse
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import CurrentPrincipal
from services.common.concurrency import SENDS_ETAG, IfMatchHeader, etag_for, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.funding.api.deps import ApplicantUser
from services.funding.frames import consent, consortia
from services.funding.frames.schemas import AGS_MUNICIPALITY, ConsortiumCreate, ConsortiumRead

router = APIRouter(prefix="/funding/v1/consortia", tags=["consortia"])

ConsortiumId = Annotated[uuid.UUID, Path(description="The consortium's id")]
MemberAgs = Annotated[
    str, Path(pattern=AGS_MUNICIPALITY, description="AGS of the member municipality")
]
CHANGE_RESPONSES = problem_responses(401, 403, 404, 409, 412, 422, 428)


async def _committed(
    change: Awaitable[ConsortiumRead], session: AsyncSession, response: Response
) -> ConsortiumRead:
    """Runs the change, commits it and answers with the consortium's new ETag."""
    out = await change
    await session.commit()
    set_etag(response, out.version)
    return out


@router.post(
    "",
    status_code=201,
    response_model=ConsortiumRead,
    responses=problem_responses(400, 401, 403, 404, 409, 422),
    summary="Form a consortium (invites the members)",
)
async def create_consortium(
    body: ConsortiumCreate,
    session: SessionDep,
    who: ApplicantUser,
    idem: IdempotencyDep,
    response: Response,
) -> ConsortiumRead | JSONResponse:
    """The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did)."""
    replay = await idem.claim(session, who)
    if replay is not None:
        return replay
    out = await consortia.create_consortium(session, who, body)
    headers = {"ETag": etag_for(out.version), "Location": f"/funding/v1/consortia/{out.id}"}
    await idem.remember(session, 201, out.model_dump(mode="json"), headers)
    await session.commit()
    response.headers.update(headers)
    return out


@router.get("", responses=problem_responses(401), summary="List my consortia")
async def list_consortia(session: SessionDep, who: CurrentPrincipal) -> Page[ConsortiumRead]:
    """Consortia the caller's organization leads, belongs to or is invited to, on one page
    (`next_cursor` is null: a municipality is in a few; follow it anyway, as with every list)."""
    return Page(items=await consortia.list_for(session, who))


@router.get(
    "/{consortium_id}",
    responses={**problem_responses(401, 404, 422), **SENDS_ETAG},
    summary="Read a consortium",
)
async def get_consortium(
    consortium_id: ConsortiumId, session: SessionDep, who: CurrentPrincipal, response: Response
) -> ConsortiumRead:
    """A consortium with each member's state and frame (for invited members only); its
    `ETag` is the version to send as If-Match."""
    out = await consortia.read_visible(session, who, consortium_id)
    set_etag(response, out.version)
    return out


@router.post(
    "/{consortium_id}/members/{ags}/acceptance",
    responses=CHANGE_RESPONSES,
    summary="Accept an invitation",
)
async def accept_invitation(
    consortium_id: ConsortiumId,
    ags: MemberAgs,
    session: SessionDep,
    who: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ConsortiumRead:
    """The member's applicant or org_admin accepts; once all have, the consortium is `active`.
    409 if the municipality accepted another consortium in the programme."""
    return await _committed(
        consent.accept(session, who, consortium_id, ags, if_match), session, response
    )


@router.post(
    "/{consortium_id}/members/{ags}/decline",
    responses=CHANGE_RESPONSES,
    summary="Decline an invitation",
)
async def decline_invitation(
    consortium_id: ConsortiumId,
    ags: MemberAgs,
    session: SessionDep,
    who: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ConsortiumRead:
    """The member's applicant or org_admin declines; with fewer than two members left the
    consortium is dissolved."""
    return await _committed(
        consent.decline(session, who, consortium_id, ags, if_match), session, response
    )


@router.post(
    "/{consortium_id}/members/{ags}/leave",
    responses=CHANGE_RESPONSES,
    summary="Leave a consortium",
)
async def leave_consortium(
    consortium_id: ConsortiumId,
    ags: MemberAgs,
    session: SessionDep,
    who: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ConsortiumRead:
    """An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`)."""
    return await _committed(
        consent.leave(session, who, consortium_id, ags, if_match), session, response
    )


@router.post(
    "/{consortium_id}/dissolution",
    responses=CHANGE_RESPONSES,
    summary="Dissolve a consortium",
)
async def dissolve_consortium(
    consortium_id: ConsortiumId,
    session: SessionDep,
    who: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> ConsortiumRead:
    """The lead's applicant or org_admin dissolves the consortium, unless an application
    through it is submitted, forwarded or approved (409 `consortium-locked`)."""
    return await _committed(
        consent.dissolve(session, who, consortium_id, if_match), session, response
    )
