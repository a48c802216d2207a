"""One batch item at a time, in Python: the rules of a single transition, no database access.

An item is checked against its locked application with the same rules as a single decision
(`workflow.plan_move`, `transitions.granted_for`, If-Match); what fails becomes the item's
`failed` result with an RFC 9457 problem, what was decided before becomes `skipped`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from services.common.auth import Principal
from services.common.concurrency import etag_for, etag_matches
from services.common.problem_types import Reader, kept_problem, render_kept, texts
from services.common.problems import PreconditionFailed, ProblemError
from services.funding.applications.models import Application
from services.funding.applications.service import route_view
from services.funding.applications.transitions import granted_for
from services.funding.applications.workflow import (
    DECIDED,
    DECISIONS,
    RouteView,
    can_see,
    plan_move,
    route_orgs,
)
from services.funding.batches.schemas import DecisionItem, ItemResult
from services.funding.errors import ApplicationNotFound
from services.funding.money import format_money


def problem_of(exc: ProblemError) -> dict[str, Any]:
    """The problem of a failed item as the batch keeps it: in every language, rendered for each
    request that reads the batch (`render_items`)."""
    return kept_problem(exc.problem, exc.details, exc.extensions)


def render_items(items: list[ItemResult], reader: Reader) -> list[ItemResult]:
    """The results with their problems as documents in the reader's language, their `type` at
    the reader's public base URL."""
    return [
        item.model_copy(update={"problem": render_kept(item.problem, reader)})
        if item.problem is not None
        else item
        for item in items
    ]


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
    route: RouteView
    notice: str = ""

    @property
    def to_state(self) -> str:
        return DECISIONS[self.item.decision]

    def decision_values(self) -> dict[str, Any]:
        """What `repository.decide` writes for the item: the application's new state, its
        transition, audit entry (details: from, to, amount, notice, batch, comment) and
        `application.decided` event (to the organizations on its route)."""
        return {
            "id": self.app.id,
            "from_state": self.app.state,
            "to_state": self.to_state,
            "action": self.item.decision,
            "granted": self.granted,
            "granted_text": format_money(self.granted),
            "notice": self.notice,
            "comment": self.item.comment,
            "audience": ",".join(sorted(set(route_orgs(self.route)))),
            "programme_id": str(self.app.programme_id),
        }

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


def _check_if_match(item: DecisionItem, app: Application) -> None:
    if item.if_match is None:
        return
    if not etag_matches(item.if_match, app.version):
        raise PreconditionFailed(
            texts(
                "The application changed since you read it",
                "Der Antrag hat sich geändert, seit Sie ihn gelesen haben",
            ),
            current_etag=etag_for(app.version),
        )


def check_item(
    ordinal: int, item: DecisionItem, app: Application | None, who: Principal
) -> Accepted | ItemResult:
    """The accepted item, or its skipped/failed result."""
    route = route_view(app) if app is not None else None
    visible = app is not None and route is not None and can_see(route, who)
    try:
        if app is None or route is None or not visible:
            raise ApplicationNotFound(
                texts(
                    "No application with this id",
                    "Kein Antrag mit dieser ID",
                )
            )
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
        plan_move(route, who, item.decision)
        _check_if_match(item, app)
        granted = granted_for(item.decision, app.requested_amount, item.granted_amount)
    except ProblemError as exc:
        return failed(ordinal, item, exc, app.state if app and visible else None)
    return Accepted(ordinal, item, app, granted, route)
