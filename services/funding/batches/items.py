"""One batch item at a time, in Python: the rules of a single transition, no database access.

An item is checked against its locked application with the same rules as a single decision
(`workflow.plan_move`, `transitions.granted_for`, If-Match); what fails becomes the item's
`failed` result with an RFC 9457 problem, what was decided before becomes `skipped`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from services.common.audit import audit_row
from services.common.auth import Principal
from services.common.concurrency import etag_for
from services.common.outbox import event_row
from services.common.problems import PreconditionFailed, ProblemError
from services.funding.applications.models import Application
from services.funding.applications.service import route_view
from services.funding.applications.transitions import granted_for
from services.funding.applications.workflow import (
    DECIDED,
    DECISIONS,
    can_see,
    plan_move,
    route_orgs,
)
from services.funding.batches.schemas import DecisionItem, ItemResult
from services.funding.errors import ApplicationNotFound
from services.funding.money import format_money


def problem_of(exc: ProblemError) -> dict[str, Any]:
    """The problem document of a failed item."""
    body: dict[str, Any] = {"type": exc.type_, "title": exc.title, "status": exc.status}
    if exc.detail:
        body["detail"] = exc.detail
    body.update(exc.extensions)
    return body


def failed(
    ordinal: int, item: DecisionItem, exc: ProblemError, state: str | None = None
) -> ItemResult:
    """The result of an item refused with `exc`."""
    return ItemResult(
        ordinal=ordinal,
        application_id=item.application_id,
        decision=item.decision,
        outcome="failed",
        state=state,
        problem=problem_of(exc),
    )


@dataclass
class Accepted:
    """An item that passed the checks, with what it grants; `notice` is set once numbered."""

    ordinal: int
    item: DecisionItem
    app: Application
    granted: Decimal
    notice: str = ""

    @property
    def to_state(self) -> str:
        return DECISIONS[self.item.decision]

    def transition_values(self, who: Principal, batch_id: uuid.UUID) -> dict[str, Any]:
        return {
            "application_id": self.app.id,
            "action": self.item.decision,
            "from_state": self.app.state,
            "to_state": self.to_state,
            "actor": who.subject,
            "actor_org": who.org,
            "comment": self.item.comment,
            "granted_amount": self.granted,
            "notice_number": self.notice,
            "batch_id": batch_id,
        }

    def audit_entry(self, who: Principal, batch_id: uuid.UUID) -> dict[str, Any]:
        details = {
            "from": self.app.state,
            "to": self.to_state,
            **self._decision(batch_id),
            "comment": self.item.comment,
        }
        action = f"application.{self.item.decision}"
        return audit_row(who, action, "application", self.app.id, details)

    def decided_event(self, batch_id: uuid.UUID) -> dict[str, Any]:
        payload = {
            "state": self.to_state,
            "step": "closed",
            "programme_id": str(self.app.programme_id),
            **self._decision(batch_id),
        }
        orgs = route_orgs(route_view(self.app))
        return event_row("application.decided", "application", self.app.id, orgs, payload)

    def result(self) -> ItemResult:
        return ItemResult(
            ordinal=self.ordinal,
            application_id=self.app.id,
            decision=self.item.decision,
            outcome="decided",
            state=self.to_state,
            granted_amount=self.granted,
            notice_number=self.notice,
        )

    def _decision(self, batch_id: uuid.UUID) -> dict[str, str]:
        return {
            "granted_amount": format_money(self.granted),
            "notice_number": self.notice,
            "batch_id": str(batch_id),
        }


def _check_if_match(item: DecisionItem, app: Application) -> None:
    if item.if_match is None:
        return
    if etag_for(app.version) not in {t.strip() for t in item.if_match.split(",")}:
        raise PreconditionFailed(
            "The application changed since you read it", current_etag=etag_for(app.version)
        )


def check_item(
    ordinal: int, item: DecisionItem, app: Application | None, who: Principal
) -> Accepted | ItemResult:
    """The accepted item, or its skipped/failed result."""
    visible = app is not None and can_see(route_view(app), who)
    try:
        if app is None or not visible:
            raise ApplicationNotFound("No application with this id")
        if app.state in DECIDED:
            return ItemResult(
                ordinal=ordinal,
                application_id=item.application_id,
                decision=item.decision,
                outcome="skipped",
                state=app.state,
                granted_amount=app.granted_amount,
                notice_number=app.notice_number,
            )
        plan_move(route_view(app), who, item.decision)
        _check_if_match(item, app)
        granted = granted_for(item.decision, app.requested_amount, item.granted_amount)
    except ProblemError as exc:
        return failed(ordinal, item, exc, app.state if app and visible else None)
    return Accepted(ordinal, item, app, granted)
