"""Who applies: a municipality alone, a consortium through its lead, or a district for the
municipalities that delegated the task; the frames that count and the route, all from the token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problem_types import texts
from services.funding.applications.schemas import ApplicationCreate
from services.funding.errors import (
    ConsortiumConflict,
    ConsortiumNotActive,
    ConsortiumNotFound,
    FrameBelowMinimum,
    InvalidApplication,
    NoPlanningFrame,
    NotConsortiumLead,
)
from services.funding.frames import repository as frames
from services.funding.money import format_money
from services.funding.programmes.models import Programme
from services.funding.routing import Route, own_ags, route_for

APPLICANT_KINDS = frozenset({"municipality", "urban_district", "rural_district"})
DELEGATING_APPLIES = texts(
    "A municipality that delegates the task does not apply; its district lists it",
    "Eine Kommune, die die Aufgabe überträgt, beantragt nicht selbst; ihr Landkreis führt sie auf",
)


@dataclass(frozen=True)
class Applicant:
    """Who applies, the municipalities whose frames count, and the route."""

    kind: str
    name: str
    ags: str
    members: list[str]
    frame_amount: Decimal
    frame_status: str
    route: Route
    consortium_id: uuid.UUID | None = None


def _statewide(programme: Programme) -> str | None:
    return programme.deciding_region if programme.deciding_mode == "statewide" else None


async def frames_sum(
    session: AsyncSession, programme: Programme, ags: list[str]
) -> tuple[Decimal, str, str]:
    """The summed frame of these municipalities, `final` only if every frame is, and the name
    of a single municipality; 422 `no-planning-frame` if one has no frame."""
    found = await frames.frames_by_ags(session, programme.id, ags)
    missing = [a for a in ags if a not in found]
    if missing:
        raise NoPlanningFrame(
            texts(
                "These municipalities have no planning frame in the programme",
                "Diese Kommunen haben keinen Planungsrahmen im Programm",
            ),
            missing_ags=missing,
        )
    status = "final" if all(f.status == "final" for f in found.values()) else "preliminary"
    name = found[ags[0]].name if len(ags) == 1 else ""
    return sum((f.amount for f in found.values()), Decimal("0.00")), status, name


async def _consortium(
    session: AsyncSession, who: Principal, programme: Programme, consortium_id: uuid.UUID
) -> Applicant:
    consortium = await frames.get_consortium(session, consortium_id)
    if consortium is None or consortium.programme_id != programme.id:
        raise ConsortiumNotFound(
            texts(
                "No consortium with this id in the programme",
                "Kein Verbund mit dieser ID im Programm",
            )
        )
    if consortium.lead_org_id != who.org:
        raise NotConsortiumLead(
            texts(
                "Only the lead municipality applies for the consortium",
                "Nur die federführende Kommune beantragt für den Verbund",
            )
        )
    if consortium.state != "active":
        raise ConsortiumNotActive(
            texts(
                "The consortium counts only once every member has accepted (it is "
                f"{consortium.state})",
                "Der Verbund zählt erst, wenn alle Mitglieder zugestimmt haben (er ist "
                f"{consortium.state})",
            ),
            consortium_id=str(consortium.id),
        )
    members = [m.ags for m in await frames.members(session, consortium.id) if m.state == "accepted"]
    amount, status, _ = await frames_sum(session, programme, members)
    route = route_for("municipality", consortium.lead_ags, statewide_council=_statewide(programme))
    lead = consortium.lead_ags
    return Applicant(
        "consortium", consortium.name, lead, members, amount, status, route, consortium.id
    )


async def _district(
    session: AsyncSession, who: Principal, programme: Programme, ags: str, body: ApplicationCreate
) -> Applicant:
    listed = sorted(set(body.delegating_municipalities))
    if not listed:
        raise InvalidApplication(
            texts(
                "A district applies for the municipalities that delegated the task: list them",
                "Ein Landkreis beantragt für die Kommunen, die ihm die Aufgabe übertragen haben: "
                "führen Sie sie auf",
            )
        )
    if any(a[:5] != ags[:5] for a in listed):
        raise InvalidApplication(
            texts(
                "Delegating municipalities must lie in your district",
                "Übertragende Kommunen müssen in Ihrem Landkreis liegen",
            )
        )
    amount, status, _ = await frames_sum(session, programme, listed)
    name = str(who.claims.get("name") or ags)[:200]
    route = route_for("rural_district", ags, statewide_council=_statewide(programme))
    return Applicant("district", name, ags, listed, amount, status, route)


def _below_minimum(amount: Decimal, programme: Programme) -> FrameBelowMinimum:
    return FrameBelowMinimum(
        texts(
            f"Your planning frame of {format_money(amount)} EUR is below "
            f"{format_money(programme.min_frame)} EUR, the cost of one fundable full-time "
            "position, so you cannot apply alone. Join a consortium with neighbouring "
            "municipalities (its lead applies for all) or delegate the task to your district.",
            f"Ihr Planungsrahmen von {format_money(amount)} EUR liegt unter "
            f"{format_money(programme.min_frame)} EUR, den Kosten einer förderfähigen "
            "Vollzeitstelle; deshalb können Sie nicht allein beantragen. Schließen Sie sich mit "
            "Nachbarkommunen zu einem Verbund zusammen (die federführende Kommune beantragt für "
            "alle) oder übertragen Sie die Aufgabe Ihrem Landkreis.",
        ),
        frame_amount=format_money(amount),
        minimum_frame=format_money(programme.min_frame),
        options=["consortium", "delegated_to_district"],
    )


async def _municipality(
    session: AsyncSession, who: Principal, programme: Programme, ags: str, body: ApplicationCreate
) -> Applicant:
    if len(ags) != 8:
        raise InvalidApplication(
            texts(
                "Applicants are municipalities, consortium leads or districts",
                "Antragsteller sind Kommunen, federführende Kommunen eines Verbunds oder "
                "Landkreise",
            )
        )
    if body.delivery_model == "delegated_to_district":
        raise InvalidApplication(DELEGATING_APPLIES)
    membership = await frames.membership(session, programme.id, ags)
    if membership is not None:
        raise ConsortiumConflict(
            texts(
                "Your municipality accepted a consortium in this programme; its lead applies for "
                "all members (leave it to apply alone)",
                "Ihre Kommune hat einem Verbund in diesem Programm zugestimmt; dessen "
                "federführende Kommune beantragt für alle Mitglieder (treten Sie aus, um allein "
                "zu beantragen)",
            ),
            consortium_id=str(membership.consortium_id),
        )
    amount, status, name = await frames_sum(session, programme, [ags])
    if amount < programme.min_frame:
        raise _below_minimum(amount, programme)
    route = route_for(who.org_kind, ags, statewide_council=_statewide(programme))
    return Applicant("municipality", name, ags, [], amount, status, route)


async def resolve_applicant(
    session: AsyncSession, who: Principal, programme: Programme, body: ApplicationCreate
) -> Applicant:
    """Decides who applies and checks the frame rules (minimum frame, consortium membership)."""
    ags = own_ags(who)
    if ags is None or who.org_kind not in APPLICANT_KINDS:
        raise InvalidApplication(
            texts(
                "Only municipalities (alone or leading a consortium) and district offices apply; "
                "your organization's kind or AGS key (org_path) does not qualify",
                "Nur Kommunen (allein oder federführend in einem Verbund) und Landratsämter "
                "beantragen; die Art oder der AGS (org_path) Ihrer Organisation erfüllt das nicht",
            )
        )
    if body.consortium_id is not None:
        return await _consortium(session, who, programme, body.consortium_id)
    if who.org_kind == "rural_district":
        return await _district(session, who, programme, ags, body)
    return await _municipality(session, who, programme, ags, body)
