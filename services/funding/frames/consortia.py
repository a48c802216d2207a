"""Consortium use cases: a lead municipality forms a consortium; its frame is the members' sum."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.constraints import constraint_problems
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit
from services.common.problems import InvalidInput
from services.funding.errors import ConsortiumConflict, ConsortiumNotFound, NoPlanningFrame
from services.funding.frames import repository
from services.funding.frames.models import Consortium, ConsortiumMember
from services.funding.frames.schemas import ConsortiumCreate, ConsortiumMemberRead, ConsortiumRead
from services.funding.programmes import service as programme_service
from services.funding.programmes.models import Programme
from services.funding.routing import own_ags


def _lead_ags(who: Principal) -> str:
    lead = own_ags(who)
    if lead is None or len(lead) != 8:
        raise InvalidInput("Only a municipality (8-digit AGS in org_path) can lead a consortium")
    return lead


async def _members_with_frames(
    session: AsyncSession, programme: Programme, lead: str, body: ConsortiumCreate
) -> list[str]:
    """The lead and the members, sorted; each needs a planning frame in the programme."""
    ags_list = sorted({lead, *body.member_ags})
    if len(ags_list) < 2:
        raise InvalidInput("A consortium needs at least one member besides the lead")
    frames = await repository.frames_by_ags(session, programme.id, ags_list)
    missing = [a for a in ags_list if a not in frames]
    if missing:
        raise NoPlanningFrame(
            "Every member needs a planning frame in this programme", missing_ags=missing
        )
    return ags_list


async def create_consortium(
    session: AsyncSession, who: Principal, body: ConsortiumCreate
) -> ConsortiumRead:
    """Forms a consortium led by the caller's municipality; every member needs a planning frame
    and may belong to one consortium per programme (409 `consortium-conflict` otherwise)."""
    programme = await programme_service.get(session, body.programme_id)
    lead = _lead_ags(who)
    ags_list = await _members_with_frames(session, programme, lead, body)
    consortium = Consortium(
        programme_id=programme.id, name=body.name, lead_org_id=who.org, lead_ags=lead
    )
    session.add(consortium)
    await session.flush()
    session.add_all(
        ConsortiumMember(
            consortium_id=consortium.id, ags=a, programme_id=programme.id, org_id=org_id_for_ags(a)
        )
        for a in ags_list
    )
    taken = ConsortiumConflict("A member already belongs to another consortium in this programme")
    with constraint_problems({"uq_consortium_member_programme_ags": taken}):
        await session.flush()
    await record_audit(
        session, who, "consortium.created", "consortium", consortium.id, {"members": ags_list}
    )
    await emit(
        session,
        "consortium.created",
        "consortium",
        consortium.id,
        [org_id_for_ags(a) for a in ags_list],
        {"programme_id": str(programme.id), "members": ags_list},
    )
    return await read(session, consortium)


async def get_visible(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID
) -> Consortium:
    """The consortium if the caller's organization is a member (or an admin); 404 otherwise."""
    consortium = await repository.get_consortium(session, consortium_id)
    if consortium is None:
        raise ConsortiumNotFound("No consortium with this id")
    if not who.has_role("admin"):
        member_orgs = {m.org_id for m in await repository.members(session, consortium.id)}
        if who.org not in member_orgs:
            raise ConsortiumNotFound("No consortium with this id")
    return consortium


async def read(session: AsyncSession, consortium: Consortium) -> ConsortiumRead:
    """The consortium with each member's frame; its own frame is their sum."""
    members = await repository.members(session, consortium.id)
    frames = await repository.frames_by_ags(
        session, consortium.programme_id, [m.ags for m in members]
    )
    member_reads = [
        ConsortiumMemberRead(
            ags=m.ags,
            org_id=m.org_id,
            name=frames[m.ags].name if m.ags in frames else None,
            frame_amount=frames[m.ags].amount if m.ags in frames else None,
            frame_status=frames[m.ags].status if m.ags in frames else None,
        )
        for m in members
    ]
    return ConsortiumRead(
        **consortium.model_dump(),
        members=member_reads,
        frame_amount=sum((f.amount for f in frames.values()), Decimal("0.00")),
    )


async def read_visible(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID
) -> ConsortiumRead:
    """The consortium with members and frames, for its members (404 for anyone else)."""
    return await read(session, await get_visible(session, who, consortium_id))


async def list_for(session: AsyncSession, who: Principal) -> list[ConsortiumRead]:
    """Consortia the caller's organization belongs to."""
    return [await read(session, c) for c in await repository.consortia_of_org(session, who.org)]
