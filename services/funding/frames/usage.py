"""How much of a municipality's planning frame the applications hold (`applications.ceiling`
keeps the holds), for the municipality, its district reviewer and its approver."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.orgs import org_id_for_ags
from services.common.problem_types import texts
from services.funding.errors import FrameNotFound, FrameUsageNotVisible
from services.funding.frames import repository
from services.funding.frames.schemas import FrameHoldRead, FrameUsageRead
from services.funding.programmes.models import Programme


def may_read_usage(who: Principal, programme: Programme, ags: str) -> bool:
    """The municipality's applicant or org_admin, its district's reviewer, the approver of the
    council deciding its applications, and admins."""
    council = programme.deciding_region if programme.deciding_mode == "statewide" else None
    readers = {
        (org_id_for_ags(ags), "applicant"),
        (org_id_for_ags(ags), "org_admin"),
        (org_id_for_ags(ags[:5]), "district_reviewer"),
        (org_id_for_ags(council or ags[:3]), "approver"),
    }
    return who.has_role("admin") or any(
        who.org == org and who.has_role(role) for org, role in readers
    )


async def frame_usage(
    session: AsyncSession, who: Principal, programme: Programme, ags: str
) -> FrameUsageRead:
    """The frame, the holds on it and what remains (never below 0.00 on the wire)."""
    if not may_read_usage(who, programme, ags):
        raise FrameUsageNotVisible(
            texts(
                "You may not read this municipality's frame usage",
                "Sie dürfen die Nutzung des Planungsrahmens dieser Kommune nicht lesen",
            )
        )
    frame = (await repository.frames_by_ags(session, programme.id, [ags])).get(ags)
    if frame is None:
        raise FrameNotFound(
            texts(
                "No planning frame for this municipality in the programme",
                "Kein Planungsrahmen für diese Kommune im Programm",
            )
        )
    holds = await repository.holds_on(session, programme.id, ags)
    held = sum((h.amount for h in holds), Decimal("0.00"))
    return FrameUsageRead(
        programme_id=programme.id,
        ags=ags,
        name=frame.name,
        frame_amount=frame.amount,
        frame_status=frame.status,
        held_amount=held,
        remaining_amount=max(frame.amount - held, Decimal("0.00")),
        holds=[FrameHoldRead(application_id=h.application_id, amount=h.amount) for h in holds],
    )
