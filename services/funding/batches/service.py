"""Batch decisions: thousands of approvals in one request, set-based per chunk.

Per chunk of applications: one SELECT … FOR UPDATE, validation in Python with the same rules
as single transitions (`workflow.plan_move`, `granted_for`), one budget check against the locked
programme rows, one UPDATE … FROM unnest, one INSERT of transitions, one of audit entries, one
of events. Items fail on their own; `all_or_nothing` rolls the whole batch back if any fails.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import audit_row, record_audit_many
from services.common.auth import Principal
from services.common.concurrency import etag_for
from services.common.outbox import emit_many, event_row
from services.common.problems import PreconditionFailed, ProblemError
from services.funding.applications.models import Application
from services.funding.applications.repository import notice_number
from services.funding.applications.service import route_view
from services.funding.applications.transitions import granted_for
from services.funding.applications.workflow import (
    DECIDED,
    DECISIONS,
    can_see,
    plan_move,
    route_orgs,
)
from services.funding.batches import repository
from services.funding.batches.models import DecisionBatch
from services.funding.batches.schemas import (
    DecisionBatchCreate,
    DecisionBatchRead,
    DecisionItem,
    ItemResult,
)
from services.funding.errors import (
    ApplicationNotFound,
    BatchNotFound,
    BudgetExceeded,
    InvalidTransition,
)
from services.funding.money import format_money
from services.funding.programmes import repository as programmes

CHUNK = 1_000


class BatchNotApplied(InvalidTransition):
    """An `all_or_nothing` batch with a failed item applies nothing."""

    title = "Not applied: another item of the all_or_nothing batch failed"


def problem_of(exc: ProblemError) -> dict[str, Any]:
    body: dict[str, Any] = {"type": exc.type_, "title": exc.title, "status": exc.status}
    if exc.detail:
        body["detail"] = exc.detail
    body.update(exc.extensions)
    return body


@dataclass
class Accepted:
    ordinal: int
    item: DecisionItem
    app: Application
    granted: Decimal


def _check(item: DecisionItem, app: Application | None, who: Principal) -> Decimal | ItemResult:
    """The granted amount, or the item's skipped/failed result."""
    base = {"application_id": item.application_id, "decision": item.decision, "ordinal": 0}
    try:
        if app is None or not can_see(route_view(app), who):
            raise ApplicationNotFound("No application with this id")
        if app.state in DECIDED:
            return ItemResult(
                **base,
                outcome="skipped",
                state=app.state,
                granted_amount=app.granted_amount,
                notice_number=app.notice_number,
            )
        plan_move(route_view(app), who, item.decision)
        if item.if_match is not None and etag_for(app.version) not in {
            t.strip() for t in item.if_match.split(",")
        }:
            raise PreconditionFailed(
                "The application changed since you read it", current_etag=etag_for(app.version)
            )
        return granted_for(item.decision, app.requested_amount, item.granted_amount)
    except ProblemError as exc:
        visible = app is not None and can_see(route_view(app), who)
        return ItemResult(
            **base,
            outcome="failed",
            state=app.state if app and visible else None,
            problem=problem_of(exc),
        )


async def _book(
    session: AsyncSession,
    accepted: list[Accepted],
    results: list[ItemResult | None],
    available: dict[uuid.UUID, Decimal],
) -> list[Accepted]:
    """Books against the programme rows locked for the whole batch, in item order; items
    beyond the budget fail. `available` carries what is left from chunk to chunk."""
    booked: dict[uuid.UUID, Decimal] = {}
    kept: list[Accepted] = []
    for a in accepted:
        pid = a.app.programme_id
        if a.granted > available.get(pid, Decimal(0)):
            exc = BudgetExceeded(
                f"Granting {format_money(a.granted)} EUR would exceed the programme budget",
                available_amount=format_money(available.get(pid, Decimal(0))),
            )
            results[a.ordinal] = ItemResult(
                ordinal=a.ordinal,
                application_id=a.item.application_id,
                decision=a.item.decision,
                outcome="failed",
                state=a.app.state,
                problem=problem_of(exc),
            )
            continue
        available[pid] -= a.granted
        booked[pid] = booked.get(pid, Decimal(0)) + a.granted
        kept.append(a)
    for pid, amount in booked.items():
        if amount:
            await repository.book(session, pid, amount)
    return kept


async def _run_chunk(
    session: AsyncSession,
    who: Principal,
    batch_id: uuid.UUID,
    chunk: list[tuple[int, DecisionItem]],
    results: list[ItemResult | None],
    available: dict[uuid.UUID, Decimal],
) -> None:
    apps = await repository.lock_applications(session, [item.application_id for _, item in chunk])
    accepted: list[Accepted] = []
    for ordinal, item in chunk:
        app = apps.get(item.application_id)
        outcome = _check(item, app, who)
        if isinstance(outcome, ItemResult):
            results[ordinal] = outcome.model_copy(update={"ordinal": ordinal})
        else:
            assert app is not None  # noqa: S101 - _check returns a result for missing ones
            accepted.append(Accepted(ordinal, item, app, outcome))
    accepted = await _book(session, accepted, results, available)
    seq = await repository.notice_sequence(session, len(accepted))
    notices = [notice_number(a.app.council_ags, n) for a, n in zip(accepted, seq, strict=True)]
    await repository.decide(
        session,
        [
            (a.app.id, DECISIONS[a.item.decision], a.granted, n)
            for a, n in zip(accepted, notices, strict=True)
        ],
    )
    await repository.add_transitions(
        session,
        [
            {
                "application_id": a.app.id,
                "action": a.item.decision,
                "from_state": a.app.state,
                "to_state": DECISIONS[a.item.decision],
                "actor": who.subject,
                "actor_org": who.org,
                "comment": a.item.comment,
                "granted_amount": a.granted,
                "notice_number": n,
                "batch_id": batch_id,
            }
            for a, n in zip(accepted, notices, strict=True)
        ],
    )
    await record_audit_many(
        session,
        [
            audit_row(
                who,
                f"application.{a.item.decision}",
                "application",
                a.app.id,
                {
                    "from": a.app.state,
                    "to": DECISIONS[a.item.decision],
                    "granted_amount": format_money(a.granted),
                    "notice_number": n,
                    "batch_id": str(batch_id),
                    "comment": a.item.comment,
                },
            )
            for a, n in zip(accepted, notices, strict=True)
        ],
    )
    await emit_many(
        session,
        [
            event_row(
                "application.decided",
                "application",
                a.app.id,
                route_orgs(route_view(a.app)),
                {
                    "state": DECISIONS[a.item.decision],
                    "step": "closed",
                    "programme_id": str(a.app.programme_id),
                    "granted_amount": format_money(a.granted),
                    "notice_number": n,
                    "batch_id": str(batch_id),
                },
            )
            for a, n in zip(accepted, notices, strict=True)
        ],
    )
    for a, n in zip(accepted, notices, strict=True):
        results[a.ordinal] = ItemResult(
            ordinal=a.ordinal,
            application_id=a.app.id,
            decision=a.item.decision,
            outcome="decided",
            state=DECISIONS[a.item.decision],
            granted_amount=a.granted,
            notice_number=n,
        )


def _duplicates(
    body: DecisionBatchCreate, results: list[ItemResult | None]
) -> list[tuple[int, DecisionItem]]:
    seen: set[uuid.UUID] = set()
    todo: list[tuple[int, DecisionItem]] = []
    for ordinal, item in enumerate(body.items):
        if item.application_id in seen:
            exc = InvalidTransition("The application appears earlier in this batch")
            results[ordinal] = ItemResult(
                ordinal=ordinal,
                application_id=item.application_id,
                decision=item.decision,
                outcome="failed",
                problem=problem_of(exc),
            )
        else:
            seen.add(item.application_id)
            todo.append((ordinal, item))
    return todo


async def decide_batch(
    session: AsyncSession, who: Principal, body: DecisionBatchCreate
) -> DecisionBatchRead:
    """Decides every item it can and records the batch with per-item results."""
    batch_id = uuid.uuid4()
    results: list[ItemResult | None] = [None] * len(body.items)
    todo = _duplicates(body, results)
    effects = await session.begin_nested()
    # lock order everywhere: programme rows first, then applications (no deadlock with singles)
    programme_ids = await repository.programmes_of(
        [item.application_id for _, item in todo], session
    )
    locked = await programmes.lock(session, programme_ids)
    available = {pid: p.total_budget - p.booked_amount for pid, p in locked.items()}
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        await _run_chunk(session, who, batch_id, chunk, results, available)
    final = [r for r in results if r is not None]
    applied = True
    if body.mode == "all_or_nothing" and any(r.outcome == "failed" for r in final):
        await effects.rollback()
        applied = False
        refused = problem_of(BatchNotApplied("Fix the failed items and send the batch again"))
        final = [
            r.model_copy(
                update={
                    "outcome": "failed",
                    "problem": refused,
                    "notice_number": None,
                    "granted_amount": None,
                }
            )
            if r.outcome == "decided"
            else r
            for r in final
        ]
    else:
        await effects.commit()
    counts = {k: sum(1 for r in final if r.outcome == k) for k in ("decided", "skipped", "failed")}
    batch = DecisionBatch(
        id=batch_id,
        mode=body.mode,
        created_by=who.subject,
        org_id=who.org,
        item_count=len(final),
        applied=applied,
        decided=counts["decided"],
        skipped=counts["skipped"],
        failed=counts["failed"],
    )
    await repository.add_batch(
        session, batch, [{"batch_id": batch_id, **r.model_dump()} for r in final]
    )
    return DecisionBatchRead(**batch.model_dump(), items=final)


async def get_batch(
    session: AsyncSession, who: Principal, batch_id: uuid.UUID
) -> DecisionBatchRead:
    batch = await repository.get(session, batch_id)
    if batch is None or (batch.org_id != who.org and not who.has_role("admin")):
        raise BatchNotFound("No decision batch with this id")
    items = [ItemResult.model_validate(i) for i in await repository.items(session, batch.id)]
    return DecisionBatchRead(**batch.model_dump(), items=items)
