"""Application use cases: draft, edit, read; the frame rules and computed amounts live here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit
from services.funding.applications import repository
from services.funding.applications.models import Application, Position
from services.funding.applications.schemas import (
    ApplicationContent,
    ApplicationCreate,
    ApplicationRead,
    ApplicationUpdate,
    PositionRead,
)
from services.funding.applications.workflow import RouteView, can_see, plan_move
from services.funding.errors import (
    ApplicationNotFound,
    ConsortiumConflict,
    ConsortiumNotFound,
    FrameBelowMinimum,
    FrameExceeded,
    InvalidApplication,
    NoPlanningFrame,
    NotConsortiumLead,
    ProgrammeNotFound,
)
from services.funding.frames import repository as frames
from services.funding.money import format_money, position_amount
from services.funding.programmes import repository as programmes
from services.funding.programmes.models import Programme
from services.funding.programmes.service import period_end
from services.funding.routing import Route, own_ags, route_for

APPLICANT_KINDS = frozenset({"municipality", "urban_district", "rural_district"})


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


def route_view(app: Application) -> RouteView:
    return RouteView(
        state=app.state,
        step=app.step,
        applicant_org_id=app.applicant_org_id,
        member_org_ids=tuple(app.member_org_ids),
        district_org_id=app.district_org_id,
        council_org_id=app.council_org_id,
        submitted_at=app.submitted_at,
    )


def _statewide(programme: Programme) -> str | None:
    return programme.deciding_region if programme.deciding_mode == "statewide" else None


async def _frames_sum(
    session: AsyncSession, programme: Programme, ags: list[str]
) -> tuple[Decimal, str, str]:
    found = await frames.frames_by_ags(session, programme.id, ags)
    missing = [a for a in ags if a not in found]
    if missing:
        raise NoPlanningFrame(
            "These municipalities have no planning frame in the programme", missing_ags=missing
        )
    status = "final" if all(f.status == "final" for f in found.values()) else "preliminary"
    name = found[ags[0]].name if len(ags) == 1 else ""
    return sum((f.amount for f in found.values()), Decimal("0.00")), status, name


async def _consortium_applicant(
    session: AsyncSession, who: Principal, programme: Programme, consortium_id: uuid.UUID
) -> Applicant:
    consortium = await frames.get_consortium(session, consortium_id)
    if consortium is None or consortium.programme_id != programme.id:
        raise ConsortiumNotFound("No consortium with this id in the programme")
    if consortium.lead_org_id != who.org:
        raise NotConsortiumLead("Only the lead municipality applies for the consortium")
    members = [m.ags for m in await frames.members(session, consortium.id)]
    amount, status, _ = await _frames_sum(session, programme, members)
    route = route_for("municipality", consortium.lead_ags, statewide_council=_statewide(programme))
    return Applicant(
        "consortium",
        consortium.name,
        consortium.lead_ags,
        members,
        amount,
        status,
        route,
        consortium.id,
    )


async def resolve_applicant(
    session: AsyncSession, who: Principal, programme: Programme, body: ApplicationCreate
) -> Applicant:
    """Decides who applies and checks the frame rules (minimum frame, consortium membership)."""
    ags = own_ags(who)
    if ags is None or who.org_kind not in APPLICANT_KINDS:
        raise InvalidApplication(
            "Only municipalities (alone or leading a consortium) and district offices apply; "
            "your organization's kind or AGS key (org_path) does not qualify"
        )
    if body.consortium_id is not None:
        return await _consortium_applicant(session, who, programme, body.consortium_id)
    statewide = _statewide(programme)
    if who.org_kind == "rural_district":
        listed = sorted(set(body.delegating_municipalities))
        if not listed:
            raise InvalidApplication(
                "A district applies for the municipalities that delegated the task: list them"
            )
        if any(a[:5] != ags[:5] for a in listed):
            raise InvalidApplication("Delegating municipalities must lie in your district")
        amount, status, _ = await _frames_sum(session, programme, listed)
        return Applicant(
            "district",
            str(who.claims.get("name") or ags)[:200],
            ags,
            listed,
            amount,
            status,
            route_for("rural_district", ags, statewide_council=statewide),
        )
    if len(ags) != 8:
        raise InvalidApplication("Applicants are municipalities, consortium leads or districts")
    if body.delivery_model == "delegated_to_district":
        raise InvalidApplication(
            "A municipality that delegates the task does not apply; its district lists it"
        )
    membership = await frames.membership(session, programme.id, ags)
    if membership is not None:
        raise ConsortiumConflict(
            "Your municipality belongs to a consortium in this programme; "
            "its lead applies for all members",
            consortium_id=str(membership.consortium_id),
        )
    amount, status, name = await _frames_sum(session, programme, [ags])
    if amount < programme.min_frame:
        raise FrameBelowMinimum(
            f"Your planning frame of {format_money(amount)} EUR is below "
            f"{format_money(programme.min_frame)} EUR, the cost of one fundable full-time "
            "position, so you cannot apply alone. Join a consortium with neighbouring "
            "municipalities (its lead applies for all) or delegate the task to your district.",
            frame_amount=format_money(amount),
            minimum_frame=format_money(programme.min_frame),
            options=["consortium", "delegated_to_district"],
        )
    return Applicant(
        "municipality",
        name,
        ags,
        [],
        amount,
        status,
        route_for(who.org_kind, ags, statewide_council=statewide),
    )


async def price_positions(
    session: AsyncSession, programme: Programme, body: ApplicationContent, frame_amount: Decimal
) -> tuple[list[Position], Decimal]:
    """Positions with computed amounts; checks rates, FTE minimum, period and the frame."""
    rates = await programmes.rates(session, programme.id)
    end = period_end(programme)
    if body.delivery_model == "provider" and not body.providers:
        raise InvalidApplication("Name the charities that provide the service (providers)")
    if body.early_start and body.early_start_on is None:
        raise InvalidApplication("An early start needs early_start_on")
    rows: list[Position] = []
    for i, p in enumerate(body.positions):
        where = f"positions[{i}]"
        rate = rates.get(p.qualification)
        if rate is None:
            raise InvalidApplication(
                f"{where}: unknown qualification; the programme has {', '.join(sorted(rates))}"
            )
        if p.fte < programme.min_fte:
            raise InvalidApplication(f"{where}: each position is at least {programme.min_fte} FTE")
        if not programme.period_start <= p.start_on <= end or p.months > programme.period_months:
            raise InvalidApplication(
                f"{where}: the position must start within the funding period and not outlast it"
            )
        amount = position_amount(rate.amount, p.fte, p.months, programme.period_months)
        rows.append(Position(ordinal=i, rate=rate.amount, amount=amount, **p.model_dump()))
    total = sum((r.amount for r in rows), Decimal("0.00"))
    if total > frame_amount:
        raise FrameExceeded(
            f"The positions cost {format_money(total)} EUR, more than the planning frame of "
            f"{format_money(frame_amount)} EUR",
            requested_amount=format_money(total),
            frame_amount=format_money(frame_amount),
        )
    return rows, total


async def create_application(
    session: AsyncSession, who: Principal, body: ApplicationCreate
) -> Application:
    """Creates a draft on the applicant's route; amounts computed, frame rules enforced."""
    programme = await programmes.get(session, body.programme_id)
    if programme is None:
        raise ProgrammeNotFound("No programme with this id")
    applicant = await resolve_applicant(session, who, programme, body)
    rows, total = await price_positions(session, programme, body, applicant.frame_amount)
    route = applicant.route
    app = Application(
        programme_id=programme.id,
        state="draft",
        step="applicant",
        applicant_kind=applicant.kind,
        applicant_org_id=who.org,
        applicant_name=applicant.name or str(who.claims.get("name", applicant.ags))[:200],
        applicant_ags=applicant.ags,
        district_ags=route.district_ags,
        region_ags=route.region_ags,
        district_org_id=route.district_org_id,
        council_org_id=route.council_org_id,
        council_ags=route.council_ags,
        consortium_id=applicant.consortium_id,
        member_ags=applicant.members,
        member_org_ids=[
            org_id_for_ags(a) for a in applicant.members if org_id_for_ags(a) != who.org
        ],
        delivery_model=body.delivery_model,
        providers=body.providers,
        frame_amount=applicant.frame_amount,
        frame_status=applicant.frame_status,
        requested_amount=total,
        early_start=body.early_start,
        early_start_on=body.early_start_on if body.early_start else None,
        created_by=who.subject,
    )
    for row in rows:
        row.application_id = app.id
    await repository.add(session, app, rows)
    await record_audit(
        session,
        who,
        "application.created",
        "application",
        app.id,
        {"requested": format_money(total)},
    )
    await emit(
        session,
        "application.created",
        "application",
        app.id,
        [who.org, *app.member_org_ids],
        {"programme_id": str(programme.id), "state": "draft"},
    )
    return app


async def update_application(
    session: AsyncSession, who: Principal, app: Application, body: ApplicationUpdate
) -> Application:
    """Replaces positions and delivery details while the application is with the applicant.

    The frame is read afresh, so an edit after a final frame replaced a preliminary one checks
    against the final figure and clears the review flag."""
    plan_move(route_view(app), who, "submit")  # same rule: the applicant, holding it, may edit
    programme = await programmes.get(session, app.programme_id)
    assert programme is not None  # noqa: S101 - foreign key
    if app.applicant_kind == "municipality" and body.delivery_model == "delegated_to_district":
        raise InvalidApplication(
            "A municipality that delegates the task does not apply; its district lists it"
        )
    frame, frame_status, _ = await _frames_sum(
        session, programme, list(app.member_ags) or [app.applicant_ags]
    )
    rows, total = await price_positions(session, programme, body, frame)
    for row in rows:
        row.application_id = app.id
    await repository.replace_positions(session, app.id, rows)
    await repository.save(
        session,
        app,
        {
            "delivery_model": body.delivery_model,
            "providers": body.providers,
            "requested_amount": total,
            "frame_amount": frame,
            "frame_status": frame_status,
            "needs_review": False,
            "review_reason": None,
            "early_start": body.early_start,
            "early_start_on": body.early_start_on if body.early_start else None,
        },
    )
    await record_audit(
        session,
        who,
        "application.updated",
        "application",
        app.id,
        {"requested": format_money(total)},
    )
    return app


async def get_visible(
    session: AsyncSession, who: Principal, application_id: uuid.UUID, *, lock: bool = False
) -> Application:
    """The application if the caller is on its route (404 otherwise, so ids cannot be probed)."""
    app = await (repository.get_for_update if lock else repository.get)(session, application_id)
    if app is None or not can_see(route_view(app), who):
        raise ApplicationNotFound("No application with this id")
    return app


async def read(session: AsyncSession, app: Application) -> ApplicationRead:
    positions = await repository.positions(session, app.id)
    out = ApplicationRead.model_validate(app)
    out.positions = [PositionRead.model_validate(p) for p in positions]
    return out
