"""Consortium use cases: a lead municipality invites members; the consortium counts only once
every member has accepted, and its frame is the sum of theirs.

A member's applicant or org_admin accepts or declines; an accepted member may leave, and the
lead may dissolve the consortium, as long as no application through it holds frames (is
submitted, forwarded or approved). A declined or departed member drops out: the consortium
goes on with the others (`active` once all of them accepted) and is dissolved when fewer than
two remain. A municipality accepts at most one consortium per programme (a partial unique
index); an invitation blocks nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.constraints import constraint_problems
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit
from services.common.problem_types import texts
from services.common.problems import InvalidInput
from services.funding.errors import (
    ConsortiumConflict,
    ConsortiumLocked,
    ConsortiumNotFound,
    NoPlanningFrame,
    NotInvited,
)
from services.funding.frames import repository
from services.funding.frames.models import Consortium, ConsortiumMember
from services.funding.frames.schemas import ConsortiumCreate, ConsortiumMemberRead, ConsortiumRead
from services.funding.programmes import service as programme_service
from services.funding.programmes.models import Programme
from services.funding.routing import own_ags

ANSWERING_ROLES = ("applicant", "org_admin")
STAYING = ("invited", "accepted")
ACCEPTED_ELSEWHERE = "uq_consortium_member_accepted"


def _lead_ags(who: Principal) -> str:
    lead = own_ags(who)
    if lead is None or len(lead) != 8:
        raise InvalidInput(
            texts(
                "Only a municipality (8-digit AGS in org_path) can lead a consortium",
                "Nur eine Kommune (achtstelliger AGS in org_path) kann einen Verbund führen",
            )
        )
    return lead


async def _members_with_frames(
    session: AsyncSession, programme: Programme, lead: str, body: ConsortiumCreate
) -> list[str]:
    """The lead and the members, sorted; each needs a planning frame in the programme."""
    ags_list = sorted({lead, *body.member_ags})
    if len(ags_list) < 2:
        raise InvalidInput(
            texts(
                "A consortium needs at least one member besides the lead",
                "Ein Verbund braucht neben der federführenden Kommune mindestens ein Mitglied",
            )
        )
    frames = await repository.frames_by_ags(session, programme.id, ags_list)
    missing = [a for a in ags_list if a not in frames]
    if missing:
        raise NoPlanningFrame(
            texts(
                "Every member needs a planning frame in this programme",
                "Jedes Mitglied braucht einen Planungsrahmen in diesem Programm",
            ),
            missing_ags=missing,
        )
    return ags_list


async def record_change(
    session: AsyncSession,
    who: Principal,
    consortium: Consortium,
    action: str,
    members: Sequence[ConsortiumMember],
    details: dict[str, Any],
) -> None:
    """One audit entry and one event per change; the audience is every invited member."""
    payload = {"programme_id": str(consortium.programme_id), "state": consortium.state, **details}
    await record_audit(session, who, f"consortium.{action}", "consortium", consortium.id, payload)
    audience = sorted({m.org_id for m in members})
    await emit(session, f"consortium.{action}", "consortium", consortium.id, audience, payload)


async def create_consortium(
    session: AsyncSession, who: Principal, body: ConsortiumCreate
) -> ConsortiumRead:
    """Forms a consortium led by the caller's municipality (accepted by forming it) and invites
    the members; every member needs a planning frame. 409 `consortium-conflict` if the lead
    already accepted another consortium in the programme."""
    programme = await programme_service.get(session, body.programme_id)
    lead = _lead_ags(who)
    ags_list = await _members_with_frames(session, programme, lead, body)
    consortium = Consortium(
        programme_id=programme.id, name=body.name, lead_org_id=who.org, lead_ags=lead
    )
    session.add(consortium)
    await session.flush()
    now = datetime.now(UTC)
    members = [
        ConsortiumMember(
            consortium_id=consortium.id,
            ags=a,
            programme_id=programme.id,
            org_id=org_id_for_ags(a),
            state="accepted" if a == lead else "invited",
            responded_at=now if a == lead else None,
        )
        for a in ags_list
    ]
    session.add_all(members)
    taken = ConsortiumConflict(
        texts(
            "Your municipality accepted another consortium in this programme",
            "Ihre Kommune hat einem anderen Verbund in diesem Programm zugestimmt",
        )
    )
    with constraint_problems({ACCEPTED_ELSEWHERE: taken}):
        await session.flush()
    invited = [a for a in ags_list if a != lead]
    await record_change(
        session, who, consortium, "created", members, {"lead": lead, "invited": invited}
    )
    return await read(session, consortium)


async def get_visible(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID
) -> Consortium:
    """The consortium if the caller's organization is invited to it (or an admin); 404 else."""
    consortium = await repository.get_consortium(session, consortium_id)
    if consortium is None:
        raise ConsortiumNotFound(
            texts(
                "No consortium with this id",
                "Kein Verbund mit dieser ID",
            )
        )
    if not who.has_role("admin"):
        member_orgs = {m.org_id for m in await repository.members(session, consortium.id)}
        if who.org not in member_orgs:
            raise ConsortiumNotFound(
                texts(
                    "No consortium with this id",
                    "Kein Verbund mit dieser ID",
                )
            )
    return consortium


async def read(session: AsyncSession, consortium: Consortium) -> ConsortiumRead:
    """The consortium with each member's state and frame; its frame is the accepted ones' sum."""
    members = await repository.members(session, consortium.id)
    frames = await repository.frames_by_ags(
        session, consortium.programme_id, [m.ags for m in members]
    )
    member_reads = [
        ConsortiumMemberRead(
            ags=m.ags,
            org_id=m.org_id,
            state=m.state,
            responded_at=m.responded_at,
            name=frames[m.ags].name if m.ags in frames else None,
            frame_amount=frames[m.ags].amount if m.ags in frames else None,
            frame_status=frames[m.ags].status if m.ags in frames else None,
        )
        for m in members
    ]
    counted = [frames[m.ags].amount for m in members if m.state == "accepted" and m.ags in frames]
    return ConsortiumRead(
        **consortium.model_dump(exclude={"members"}),
        members=member_reads,
        frame_amount=sum(counted, Decimal("0.00")),
    )


async def read_visible(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID
) -> ConsortiumRead:
    """The consortium with members and frames, for its invited members (404 for anyone else)."""
    return await read(session, await get_visible(session, who, consortium_id))


async def list_for(session: AsyncSession, who: Principal) -> list[ConsortiumRead]:
    """Consortia the caller's organization is invited to or belongs to."""
    return [await read(session, c) for c in await repository.consortia_of_org(session, who.org)]


async def locked_for_change(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID, if_match: str | None
) -> tuple[Consortium, list[ConsortiumMember]]:
    """The visible consortium, locked, at the version the caller read; and its members."""
    await get_visible(session, who, consortium_id)
    consortium = await repository.lock_consortium(session, consortium_id)
    if consortium is None:
        raise ConsortiumNotFound(
            texts(
                "No consortium with this id",
                "Kein Verbund mit dieser ID",
            )
        )
    check_if_match(if_match, consortium.version)
    if consortium.state == "dissolved":
        raise ConsortiumConflict(
            texts(
                "The consortium was dissolved",
                "Der Verbund wurde aufgelöst",
            ),
            state=consortium.state,
        )
    return consortium, list(await repository.members(session, consortium.id))


def check_answering(who: Principal, org_id: str, what: str, what_de: str) -> None:
    """Only the municipality's own applicant or org_admin answers for it; `what` (`what_de`)
    is the act refused, for the detail."""
    if who.org != org_id or not any(who.has_role(r) for r in ANSWERING_ROLES):
        raise NotInvited(
            texts(
                f"Only the municipality's applicant or org_admin may {what}",
                f"Nur der Antragsteller oder org_admin der Kommune darf {what_de}",
            )
        )


async def check_unlocked(session: AsyncSession, consortium: Consortium) -> None:
    """409 `consortium-locked` while an application through it holds frames."""
    if await repository.consortium_holds(session, consortium.id):
        raise ConsortiumLocked(
            texts(
                "An application through this consortium is submitted, forwarded or approved; "
                "withdraw it (or wait for its rejection) first",
                "Ein Antrag über diesen Verbund ist eingereicht, weitergeleitet oder bewilligt; "
                "ziehen Sie ihn zuerst zurück (oder warten Sie seine Ablehnung ab)",
            )
        )


def settle(consortium: Consortium, members: Sequence[ConsortiumMember]) -> None:
    """The consortium's state from its members': dissolved below two, active when all that
    remain accepted, forming otherwise."""
    staying = [m for m in members if m.state in STAYING]
    if len(staying) < 2:
        consortium.state = "dissolved"
        for m in staying:
            m.state = "dissolved"
    else:
        consortium.state = "active" if all(m.state == "accepted" for m in staying) else "forming"
    consortium.version += 1
