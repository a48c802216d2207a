"""/funding/v1/consortia: municipalities applying together through a lead, by consent."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import CurrentPrincipal, Principal
from services.common.caller import AnyCaller, Caller
from services.common.concurrency import SENDS_ETAG, IfMatchHeader, set_etag
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import NewByApplicant
from services.funding.frames import consent, consortia
from services.funding.frames.schemas import AGS_MUNICIPALITY, ConsortiumCreate, ConsortiumRead

router = APIRouter(prefix="/funding/v1/consortia", tags=["consortia"])

ConsortiumId = Annotated[uuid.UUID, Path(description="The consortium's id")]
MemberAgs = Annotated[
    str, Path(pattern=AGS_MUNICIPALITY, description="AGS of the member municipality")
]
CHANGE_RESPONSES = problem_responses(401, 403, 404, 409, 412, 422, 428)
MEMBER = "/{consortium_id}/members/{ags}"
MemberChange = Callable[
    [AsyncSession, Principal, uuid.UUID, str, str | None], Awaitable[ConsortiumRead]
]
"""A change of one member's state: (session, who, consortium_id, ags, if_match)."""


@dataclass(frozen=True)
class Consortium:
    """The consortium in the path and the caller (with the request's session and response)."""

    consortium_id: uuid.UUID
    caller: Caller

    @property
    def key(self) -> tuple[AsyncSession, Principal, uuid.UUID]:
        """What the consortium's service functions start with: (session, who, consortium_id)."""
        return self.caller.session, self.caller.who, self.consortium_id

    async def committed(self, change: Awaitable[ConsortiumRead]) -> ConsortiumRead:
        """Runs the change, commits it and answers with the consortium's new ETag."""
        out = await change
        await self.caller.session.commit()
        set_etag(self.caller.response, out.version)
        return out


@dataclass(frozen=True)
class Member(Consortium):
    """A member municipality (`ags`) of the consortium in the path."""

    ags: str

    async def apply(self, change: MemberChange, if_match: str | None) -> ConsortiumRead:
        """Changes the member's state under If-Match with `change`, commits, sends the ETag."""
        return await self.committed(change(*self.key, self.ags, if_match))


def _consortium(consortium_id: ConsortiumId, caller: AnyCaller) -> Consortium:
    return Consortium(consortium_id, caller)


def _member(consortium_id: ConsortiumId, ags: MemberAgs, caller: AnyCaller) -> Member:
    return Member(consortium_id, caller, ags)


ThisConsortium = Annotated[Consortium, Depends(_consortium)]
ThisMember = Annotated[Member, Depends(_member)]


@router.post(
    "",
    **creates(400, 401, 403, 404, 409, 422, model=ConsortiumRead),
    summary="Form a consortium (invites the members)",
)
async def create_consortium(
    body: ConsortiumCreate, new: NewByApplicant
) -> ConsortiumRead | JSONResponse:
    """The caller's municipality becomes the lead of a consortium and invites the listed
    members (state `forming`). It counts, for frames and for applying, only once every member's
    applicant or org_admin has accepted (`active`). Every member needs a planning frame; a
    municipality accepts at most one consortium per programme (409 if the lead already did)."""
    return await new.create(
        lambda: consortia.create_consortium(new.session, new.who, body), "consortia"
    )


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
async def get_consortium(consortium: ThisConsortium) -> ConsortiumRead:
    """A consortium with each member's state and frame (for invited members only); its
    `ETag` is the version to send as If-Match."""
    out = await consortia.read_visible(*consortium.key)
    set_etag(consortium.caller.response, out.version)
    return out


@router.post(MEMBER + "/acceptance", responses=CHANGE_RESPONSES, summary="Accept an invitation")
async def accept_invitation(member: ThisMember, if_match: IfMatchHeader = None) -> ConsortiumRead:
    """The member's applicant or org_admin accepts; once all have, the consortium is `active`.
    409 if the municipality accepted another consortium in the programme."""
    return await member.apply(consent.accept, if_match)


@router.post(MEMBER + "/decline", responses=CHANGE_RESPONSES, summary="Decline an invitation")
async def decline_invitation(member: ThisMember, if_match: IfMatchHeader = None) -> ConsortiumRead:
    """The member's applicant or org_admin declines; with fewer than two members left the
    consortium is dissolved."""
    return await member.apply(consent.decline, if_match)


@router.post(MEMBER + "/leave", responses=CHANGE_RESPONSES, summary="Leave a consortium")
async def leave_consortium(member: ThisMember, if_match: IfMatchHeader = None) -> ConsortiumRead:
    """An accepted member (not the lead) leaves, unless an application through the consortium
    is submitted, forwarded or approved (409 `consortium-locked`)."""
    return await member.apply(consent.leave, if_match)


@router.post(
    "/{consortium_id}/dissolution",
    responses=CHANGE_RESPONSES,
    summary="Dissolve a consortium",
)
async def dissolve_consortium(
    consortium: ThisConsortium, if_match: IfMatchHeader = None
) -> ConsortiumRead:
    """The lead's applicant or org_admin dissolves the consortium, unless an application
    through it is submitted, forwarded or approved (409 `consortium-locked`)."""
    return await consortium.committed(consent.dissolve(*consortium.key, if_match))
