"""Application use cases: draft, edit, read; the frame rules and computed amounts live here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit
from services.common.problem_types import texts
from services.funding.applications import repository
from services.funding.applications.applicant import (
    DELEGATING_APPLIES,
    frames_sum,
    resolve_applicant,
)
from services.funding.applications.models import Application, Position
from services.funding.applications.schemas import (
    ApplicationContent,
    ApplicationCreate,
    ApplicationRead,
    ApplicationUpdate,
    PositionRead,
)
from services.funding.applications.workflow import (
    RouteView,
    can_see,
    plan_move,
    sees_manager_names,
)
from services.funding.clients.directory import DirectoryClient
from services.funding.errors import (
    ApplicationNotFound,
    FrameExceeded,
    InvalidApplication,
)
from services.funding.money import format_money, position_amount
from services.funding.programmes import repository as programmes
from services.funding.programmes import service as programme_service
from services.funding.programmes.models import Programme
from services.funding.programmes.service import period_end


def route_view(app: Application) -> RouteView:
    """What the route rules (`workflow`) need to know about an application."""
    return RouteView(
        state=app.state,
        step=app.step,
        applicant_org_id=app.applicant_org_id,
        member_org_ids=tuple(app.member_org_ids),
        district_org_id=app.district_org_id,
        council_org_id=app.council_org_id,
        submitted_at=app.submitted_at,
        provider_org_ids=tuple(app.providers),
    )


def _check_delivery(body: ApplicationContent) -> None:
    if body.delivery_model == "provider" and not body.providers:
        raise InvalidApplication(
            texts(
                "List the charities that provide the service (providers)",
                "Führen Sie die freien Träger auf, die die Leistung erbringen (providers)",
            )
        )
    if body.early_start and body.early_start_on is None:
        raise InvalidApplication(
            texts(
                "An early start needs early_start_on",
                "Ein vorzeitiger Beginn braucht early_start_on",
            )
        )


async def check_providers(body: ApplicationContent, directory: DirectoryClient) -> None:
    """Every listed provider is a charity of the directory (kind `provider`); 422 otherwise.
    Asked before anything is written or locked."""
    for i, org_id in enumerate(body.providers):
        org = await directory.organization(org_id)
        if org is None or org.get("kind") != "provider":
            raise InvalidApplication(
                texts(
                    f"providers[{i}]: {org_id} is not a charity (provider) of the directory",
                    f"providers[{i}]: {org_id} ist kein freier Träger (Leistungserbringer) des "
                    "Verzeichnisses",
                )
            )
    if len(set(body.providers)) != len(body.providers):
        raise InvalidApplication(
            texts(
                "providers: each charity once",
                "providers: jeden Träger nur einmal",
            )
        )


async def price_positions(
    session: AsyncSession, programme: Programme, body: ApplicationContent, frame_amount: Decimal
) -> tuple[list[Position], Decimal]:
    """Positions with computed amounts; checks rates, FTE minimum, period and the frame."""
    rates = await programmes.rates(session, programme.id)
    end = period_end(programme)
    _check_delivery(body)
    rows: list[Position] = []
    for i, p in enumerate(body.positions):
        where = f"positions[{i}]"
        rate = rates.get(p.qualification)
        if rate is None:
            raise InvalidApplication(
                texts(
                    f"{where}: unknown qualification; the programme has {', '.join(sorted(rates))}",
                    f"{where}: unbekannte Qualifikation; das Programm kennt "
                    f"{', '.join(sorted(rates))}",
                )
            )
        if p.fte < programme.min_fte:
            raise InvalidApplication(
                texts(
                    f"{where}: each position is at least {programme.min_fte} FTE",
                    f"{where}: jede Stelle umfasst mindestens {programme.min_fte} VZÄ",
                )
            )
        if not programme.period_start <= p.start_on <= end or p.months > programme.period_months:
            raise InvalidApplication(
                texts(
                    f"{where}: the position must start within the funding period and not outlast "
                    "it",
                    f"{where}: die Stelle muss im Förderzeitraum beginnen und darf nicht über ihn "
                    "hinausgehen",
                )
            )
        amount = position_amount(rate.amount, p.fte, p.months, programme.period_months)
        rows.append(Position(ordinal=i, rate=rate.amount, amount=amount, **p.model_dump()))
    total = sum((r.amount for r in rows), Decimal("0.00"))
    if total > frame_amount:
        raise FrameExceeded(
            texts(
                f"The positions cost {format_money(total)} EUR, more than the planning frame of "
                f"{format_money(frame_amount)} EUR",
                f"Die Stellen kosten {format_money(total)} EUR, mehr als der Planungsrahmen von "
                f"{format_money(frame_amount)} EUR",
            ),
            requested_amount=format_money(total),
            frame_amount=format_money(frame_amount),
        )
    return rows, total


def _content_values(body: ApplicationContent, total: Decimal) -> dict[str, Any]:
    """The application's columns an applicant's content sets."""
    return {
        "delivery_model": body.delivery_model,
        "providers": body.providers,
        "requested_amount": total,
        "early_start": body.early_start,
        "early_start_on": body.early_start_on if body.early_start else None,
    }


async def create_application(
    session: AsyncSession, who: Principal, body: ApplicationCreate, directory: DirectoryClient
) -> ApplicationRead:
    """Creates a draft on the applicant's route; amounts computed, frame rules enforced."""
    programme = await programme_service.get(session, body.programme_id)
    applicant = await resolve_applicant(session, who, programme, body)
    rows, total = await price_positions(session, programme, body, applicant.frame_amount)
    await check_providers(body, directory)  # after the local checks, before any write
    members = [org_id_for_ags(a) for a in applicant.members]
    app = Application(
        **asdict(applicant.route),
        **_content_values(body, total),
        programme_id=programme.id,
        state="draft",
        step="applicant",
        applicant_kind=applicant.kind,
        applicant_org_id=who.org,
        applicant_name=applicant.name or str(who.claims.get("name", applicant.ags))[:200],
        consortium_id=applicant.consortium_id,
        member_ags=applicant.members,
        member_org_ids=[m for m in members if m != who.org],
        frame_amount=applicant.frame_amount,
        frame_status=applicant.frame_status,
        created_by=who.subject,
    )
    for row in rows:
        row.application_id = app.id
    await repository.add(session, app, rows)
    requested = {"requested": format_money(total)}
    await record_audit(session, who, "application.created", "application", app.id, requested)
    await emit(
        session,
        "application.created",
        "application",
        app.id,
        [who.org, *app.member_org_ids],
        {"programme_id": str(programme.id), "state": "draft"},
    )
    return await read(session, app, who)


async def _editable(
    session: AsyncSession,
    who: Principal,
    application_id: uuid.UUID,
    if_match: str | None,
    *,
    lock: bool = False,
) -> Application:
    """The application, if `if_match` is current and it is with the caller as applicant."""
    app = await get_visible(session, who, application_id, lock=lock)
    check_if_match(if_match, app.version)
    plan_move(route_view(app), who, "submit")  # same rule: the applicant, holding it, may edit
    return app


async def update_application(
    session: AsyncSession,
    who: Principal,
    application_id: uuid.UUID,
    body: ApplicationUpdate,
    if_match: str | None,
    directory: DirectoryClient,
) -> ApplicationRead:
    """Replaces positions and delivery details while the application is with the applicant
    (If-Match: 428 without, 412 if stale).

    The frame is read afresh, so an edit after a final frame replaced a preliminary one checks
    against the final figure and clears the review flag."""
    await _editable(session, who, application_id, if_match)
    await check_providers(body, directory)  # no row lock held while the directory answers
    app = await _editable(session, who, application_id, if_match, lock=True)
    programme = await programme_service.get(session, app.programme_id)
    if app.applicant_kind == "municipality" and body.delivery_model == "delegated_to_district":
        raise InvalidApplication(DELEGATING_APPLIES)
    members = list(app.member_ags) or [app.applicant_ags]
    frame, frame_status, _ = await frames_sum(session, programme, members)
    rows, total = await price_positions(session, programme, body, frame)
    for row in rows:
        row.application_id = app.id
    await repository.replace_positions(session, app.id, rows)
    frame_values = {"frame_amount": frame, "frame_status": frame_status}
    review_cleared = {"needs_review": False, "review_reason": None}
    await repository.save(
        session, app, {**_content_values(body, total), **frame_values, **review_cleared}
    )
    requested = {"requested": format_money(total)}
    await record_audit(session, who, "application.updated", "application", app.id, requested)
    return await read(session, app, who)


async def get_visible(
    session: AsyncSession, who: Principal, application_id: uuid.UUID, *, lock: bool = False
) -> Application:
    """The application if the caller is on its route (404 otherwise, so ids cannot be probed)."""
    app = await (repository.get_for_update if lock else repository.get)(session, application_id)
    if app is None or not can_see(route_view(app), who):
        raise ApplicationNotFound(
            texts(
                "No application with this id",
                "Kein Antrag mit dieser ID",
            )
        )
    return app


def positions_for(app: Application, who: Principal, rows: Iterable[Position]) -> list[PositionRead]:
    """The named positions, for the applicant's side, the district and the council only
    (services.common.policy.MANAGER_NAME_PARTIES); none for other readers."""
    if not sees_manager_names(route_view(app), who):
        return []
    return [PositionRead.model_validate(p) for p in rows]


async def read(session: AsyncSession, app: Application, who: Principal) -> ApplicationRead:
    """The application with its positions, as `who` may read it."""
    out = ApplicationRead.model_validate(app)
    out.positions = positions_for(app, who, await repository.positions(session, app.id))
    return out


async def read_visible(
    session: AsyncSession, who: Principal, application_id: uuid.UUID
) -> ApplicationRead:
    """The application with its positions, for the organizations on its route (404 else)."""
    return await read(session, await get_visible(session, who, application_id), who)
