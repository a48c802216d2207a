"""A member's answer to a consortium, leaving it, and its dissolution by the lead.

Each step locks the consortium row (If-Match on its version), changes member and consortium
states (`consortia.settle`), bumps the version, and records one audit entry and one event.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.constraints import constraint_problems
from services.common.problem_types import texts
from services.funding.errors import ConsortiumConflict, ConsortiumNotFound
from services.funding.frames.consortia import (
    ACCEPTED_ELSEWHERE,
    STAYING,
    check_answering,
    check_unlocked,
    locked_for_change,
    read,
    record_change,
    settle,
)
from services.funding.frames.models import Consortium, ConsortiumMember
from services.funding.frames.schemas import ConsortiumRead

Answer = tuple[Consortium, list[ConsortiumMember], ConsortiumMember]


async def _member(
    session: AsyncSession,
    who: Principal,
    consortium_id: uuid.UUID,
    ags: str,
    if_match: str | None,
    allowed: tuple[str, ...],
) -> Answer:
    """The locked consortium, its members, and the member `ags` answering for itself, in one
    of the `allowed` states (409 otherwise)."""
    consortium, members = await locked_for_change(session, who, consortium_id, if_match)
    member = next((m for m in members if m.ags == ags), None)
    if member is None:
        raise ConsortiumNotFound(
            texts(
                "This municipality is not invited to the consortium",
                "Diese Kommune ist nicht zu dem Verbund eingeladen",
            )
        )
    check_answering(who, member.org_id, "answer for it", "für sie antworten")
    if member.state not in allowed:
        raise ConsortiumConflict(
            texts(
                f"The membership is {member.state}; this needs it {' or '.join(allowed)}",
                f"Die Mitgliedschaft ist {member.state}; dafür muss sie {' oder '.join(allowed)} "
                "sein",
            ),
            member_state=member.state,
        )
    return consortium, members, member


async def _change(
    session: AsyncSession,
    who: Principal,
    answer: Answer,
    to_state: str,
    action: str,
) -> ConsortiumRead:
    consortium, members, member = answer
    from_state = member.state
    member.state = to_state
    member.responded_at = datetime.now(UTC)
    settle(consortium, members)
    session.add_all([consortium, *members])
    taken = ConsortiumConflict(
        texts(
            "Your municipality already accepted another consortium in this programme; leave it "
            "first",
            "Ihre Kommune hat schon einem anderen Verbund in diesem Programm zugestimmt; treten "
            "Sie zuerst dort aus",
        )
    )
    with constraint_problems({ACCEPTED_ELSEWHERE: taken}):
        await session.flush()
    details = {"ags": member.ags, "from": from_state, "to": to_state}
    await record_change(session, who, consortium, action, members, details)
    return await read(session, consortium)


async def accept(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID, ags: str, if_match: str | None
) -> ConsortiumRead:
    """The invited municipality accepts; the consortium becomes `active` once all have.
    409 if it already accepted another consortium in the programme."""
    answer = await _member(session, who, consortium_id, ags, if_match, ("invited",))
    return await _change(session, who, answer, "accepted", "member_accepted")


async def decline(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID, ags: str, if_match: str | None
) -> ConsortiumRead:
    """The invited municipality declines; its frame never counts in this consortium."""
    answer = await _member(session, who, consortium_id, ags, if_match, ("invited",))
    return await _change(session, who, answer, "declined", "member_declined")


async def leave(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID, ags: str, if_match: str | None
) -> ConsortiumRead:
    """An accepted member other than the lead leaves, while no application through the
    consortium is submitted, forwarded or approved (409 `consortium-locked`)."""
    answer = await _member(session, who, consortium_id, ags, if_match, ("accepted",))
    consortium = answer[0]
    if ags == consortium.lead_ags:
        raise ConsortiumConflict(
            texts(
                "The lead does not leave its consortium; it dissolves it",
                "Die federführende Kommune tritt nicht aus ihrem Verbund aus; sie löst ihn auf",
            )
        )
    await check_unlocked(session, consortium)
    return await _change(session, who, answer, "left", "member_left")


async def dissolve(
    session: AsyncSession, who: Principal, consortium_id: uuid.UUID, if_match: str | None
) -> ConsortiumRead:
    """The lead dissolves the consortium, while no application through it holds frames."""
    consortium, members = await locked_for_change(session, who, consortium_id, if_match)
    check_answering(
        who,
        consortium.lead_org_id,
        "dissolve the consortium (the lead)",
        "den Verbund auflösen (die federführende Kommune)",
    )
    await check_unlocked(session, consortium)
    for m in members:
        if m.state in STAYING:
            m.state = "dissolved"
    settle(consortium, members)
    session.add_all([consortium, *members])
    await session.flush()
    await record_change(session, who, consortium, "dissolved", members, {})
    return await read(session, consortium)
