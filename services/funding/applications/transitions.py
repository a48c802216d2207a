"""Moving an application along its route: one action, one transition record, one event."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit
from services.common.problem_types import texts
from services.funding.applications import ceiling, repository
from services.funding.applications.models import Application, Transition
from services.funding.applications.schemas import TransitionCreate, TransitionRead
from services.funding.applications.service import get_visible, route_view
from services.funding.applications.workflow import DECISIONS, Move, plan_move, route_orgs
from services.funding.errors import BudgetExceeded, InvalidApplication, InvalidDecision
from services.funding.money import format_money
from services.funding.programmes import repository as programmes

EVENT_TYPES = {
    "submit": "application.submitted",
    "withdraw": "application.withdrawn",
    "forward": "application.forwarded",
    "return": "application.returned",
    "approve": "application.decided",
    "partially_approve": "application.decided",
    "reject": "application.decided",
}


def granted_for(action: str, requested: Decimal, granted: Decimal | None) -> Decimal:
    """The amount a decision grants; raises InvalidDecision for a wrong `granted_amount`."""
    if action == "approve":
        if granted is not None and granted != requested:
            raise InvalidDecision(
                texts(
                    "`approve` grants the requested amount; use `partially_approve` for less",
                    "`approve` bewilligt den beantragten Betrag; verwenden Sie "
                    "`partially_approve` für weniger",
                )
            )
        return requested
    if action == "partially_approve":
        if granted is None or not Decimal("0") < granted < requested:
            raise InvalidDecision(
                texts(
                    "`partially_approve` needs a granted_amount above 0.00 and below the "
                    f"requested {format_money(requested)}",
                    "`partially_approve` braucht einen granted_amount über 0.00 und unter dem "
                    f"beantragten Betrag von {format_money(requested)}",
                ),
                requested_amount=format_money(requested),
            )
        return granted
    if granted is not None:
        raise InvalidDecision(
            texts(
                "`reject` grants nothing; leave granted_amount out",
                "`reject` bewilligt nichts; lassen Sie granted_amount weg",
            )
        )
    return Decimal("0.00")


def over_budget(granted: Decimal, available: Decimal) -> BudgetExceeded:
    """The 409 for a grant the programme's remaining budget does not cover."""
    return BudgetExceeded(
        texts(
            f"Granting {format_money(granted)} EUR would exceed the programme budget",
            f"Eine Bewilligung von {format_money(granted)} EUR würde das Budget des Programms "
            "übersteigen",
        ),
        available_amount=format_money(available),
    )


@dataclass(frozen=True)
class Decision:
    """What a decision adds to a transition: the granted amount and the notice's number."""

    granted: Decimal
    notice: str

    def details(self) -> dict[str, Any]:
        return {"granted_amount": format_money(self.granted), "notice_number": self.notice}


async def _locked(
    session: AsyncSession, who: Principal, application_id: uuid.UUID, action: str
) -> Application:
    """The visible application, locked; a decision locks its programme row first, a move that
    may hold frames (submit, forward) the consortium and frame rows (`ceiling.lock_for`)."""
    if action in DECISIONS or action in ("submit", "forward"):
        # lock order everywhere: programme, consortium and frame rows first, then the application
        seen = await get_visible(session, who, application_id)
        if action in DECISIONS:
            await programmes.lock(session, [seen.programme_id])
        else:
            await ceiling.lock_for(session, seen)
    return await get_visible(session, who, application_id, lock=True)


def _check_body(body: TransitionCreate) -> None:
    if body.action == "return" and not (body.comment and body.comment.strip()):
        raise InvalidApplication(
            texts(
                "Returning needs the reason in `comment`",
                "Für eine Rückgabe ist die Begründung in `comment` nötig",
            )
        )
    if body.action not in DECISIONS and body.granted_amount is not None:
        raise InvalidDecision(
            texts(
                "Only decisions carry a granted_amount",
                "Nur Entscheidungen haben einen granted_amount",
            )
        )


async def _decide(session: AsyncSession, app: Application, body: TransitionCreate) -> Decision:
    """Books the granted amount against the programme budget and numbers the notice."""
    granted = granted_for(body.action, app.requested_amount, body.granted_amount)
    if granted > 0 and await programmes.book(session, app.programme_id, granted) is None:
        programme = await programmes.get(session, app.programme_id)
        available = programme.total_budget - programme.booked_amount if programme else Decimal(0)
        raise over_budget(granted, available)
    return Decision(granted, await repository.next_notice_number(session, app.council_ags))


async def _record(
    session: AsyncSession,
    who: Principal,
    app: Application,
    body: TransitionCreate,
    from_state: str,
    move: Move,
    decision: Decision | None,
) -> None:
    """The audit entry and the event of the move."""
    details: dict[str, Any] = {"from": from_state, "to": move.to_state, "comment": body.comment}
    payload: dict[str, Any] = {
        "state": move.to_state,
        "step": move.to_step,
        "programme_id": str(app.programme_id),
    }
    if decision is not None:
        details.update(decision.details())
        payload.update(decision.details())
    await record_audit(session, who, f"application.{body.action}", "application", app.id, details)
    orgs = route_orgs(route_view(app))
    await emit(session, EVENT_TYPES[body.action], "application", app.id, orgs, payload)


async def apply_transition(
    session: AsyncSession,
    who: Principal,
    application_id: uuid.UUID,
    body: TransitionCreate,
    if_match: str | None,
) -> tuple[TransitionRead, int]:
    """Takes `body.action` on the application; returns the recorded transition and the
    application's new version (its ETag). 404 if invisible, 428/412 on If-Match, 403 if not
    the caller's step or role, 409 if the state does not allow it, the budget is exhausted or
    a planning frame would be exceeded (`ceiling`)."""
    app = await _locked(session, who, application_id, body.action)
    check_if_match(if_match, app.version)
    move = plan_move(route_view(app), who, body.action)
    _check_body(body)
    now = datetime.now(UTC)
    values: dict[str, Any] = {"state": move.to_state, "step": move.to_step}
    if body.action == "submit":
        values["submitted_at"] = now
    decision = await _decide(session, app, body) if body.action in DECISIONS else None
    if decision is not None:
        values.update(
            granted_amount=decision.granted, decided_at=now, notice_number=decision.notice
        )
    held = decision.granted if decision is not None else app.requested_amount
    await ceiling.follow(session, app, move.to_state, held)
    from_state = app.state
    await repository.save(session, app, values)
    transition = await repository.add_transition(
        session,
        Transition(
            application_id=app.id,
            action=body.action,
            from_state=from_state,
            to_state=move.to_state,
            actor=who.subject,
            actor_org=who.org,
            comment=body.comment,
            granted_amount=decision.granted if decision else None,
            notice_number=decision.notice if decision else None,
        ),
    )
    await _record(session, who, app, body, from_state, move, decision)
    return TransitionRead.model_validate(transition), app.version
