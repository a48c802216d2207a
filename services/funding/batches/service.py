"""Batch decisions: thousands of approvals in one request, set-based per chunk.

Per chunk of applications: one SELECT … FOR UPDATE, validation in Python with the same rules
as single transitions (`batches.items`), one budget check against the locked programme rows,
and one statement that updates the applications and inserts their transitions, audit entries
and events from arrays (`repository.decide`): no per-item round trip and no per-row parameters.
Items fail on their own; `all_or_nothing` rolls the whole batch back if any fails.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problem_types import Reader, texts
from services.funding.applications import ceiling
from services.funding.applications.repository import notice_number
from services.funding.applications.transitions import over_budget
from services.funding.batches import repository
from services.funding.batches.items import Accepted, check_item, failed, problem_of, render_items
from services.funding.batches.models import DecisionBatch
from services.funding.batches.schemas import (
    DecisionBatchCreate,
    DecisionBatchRead,
    DecisionItem,
    ItemResult,
)
from services.funding.errors import BatchNotFound, InvalidTransition
from services.funding.programmes import repository as programmes

CHUNK = 1_000

Results = list[ItemResult | None]
"""Each item's result by ordinal; None until the item is dealt with."""


class BatchNotApplied(
    InvalidTransition,
    detail="Not applied: another item of the all_or_nothing batch failed; fix the failed items "
    "and send the batch again",
    detail_de="Nicht angewendet: ein anderer Eintrag des all_or_nothing-Stapels ist gescheitert; "
    "berichtigen Sie die gescheiterten Einträge und senden Sie den Stapel erneut",
):
    """An `all_or_nothing` batch with a failed item applies nothing: its decided items fail with
    this problem (the type and title of `InvalidTransition`)."""


async def _book(
    session: AsyncSession,
    accepted: list[Accepted],
    results: Results,
    available: dict[uuid.UUID, Decimal],
) -> list[Accepted]:
    """Books against the programme rows locked for the whole batch, in item order; items
    beyond the budget fail. `available` carries what is left from chunk to chunk."""
    booked: dict[uuid.UUID, Decimal] = {}
    kept: list[Accepted] = []
    for a in accepted:
        pid = a.app.programme_id
        left = available.get(pid, Decimal(0))
        if a.granted > left:
            results[a.ordinal] = failed(
                a.ordinal, a.item, over_budget(a.granted, left), a.app.state
            )
            continue
        available[pid] -= a.granted
        booked[pid] = booked.get(pid, Decimal(0)) + a.granted
        kept.append(a)
    for pid, amount in booked.items():
        if amount:
            await repository.book(session, pid, amount)
    return kept


async def _accept(
    session: AsyncSession, who: Principal, chunk: list[tuple[int, DecisionItem]], results: Results
) -> list[Accepted]:
    """Locks the chunk's applications in one statement and checks each item against its own."""
    apps = await repository.lock_applications(session, [item.application_id for _, item in chunk])
    accepted: list[Accepted] = []
    for ordinal, item in chunk:
        outcome = check_item(ordinal, item, apps.get(item.application_id), who)
        if isinstance(outcome, Accepted):
            accepted.append(outcome)
        else:
            results[ordinal] = outcome
    return accepted


async def _number(session: AsyncSession, accepted: Sequence[Accepted]) -> None:
    """Gives every decision its notice number, from one round trip to the sequence."""
    seq = await repository.notice_sequence(session, len(accepted))
    for a, n in zip(accepted, seq, strict=True):
        a.notice = notice_number(a.app.council_ags, n)


async def _run_chunk(
    session: AsyncSession,
    who: Principal,
    batch_id: uuid.UUID,
    chunk: list[tuple[int, DecisionItem]],
    results: Results,
    available: dict[uuid.UUID, Decimal],
) -> None:
    """Decides one chunk: a statement per purpose, whatever the number of items."""
    accepted = await _accept(session, who, chunk, results)
    accepted = await _book(session, accepted, results, available)
    await _number(session, accepted)
    await repository.decide(session, who, batch_id, [a.decision_values() for a in accepted])
    await ceiling.follow_decisions(session, [(a.app.id, a.to_state, a.granted) for a in accepted])
    for a in accepted:
        results[a.ordinal] = a.result()


def _duplicates(body: DecisionBatchCreate, results: Results) -> list[tuple[int, DecisionItem]]:
    """The items to decide; a repeated application fails its later items."""
    seen: set[uuid.UUID] = set()
    todo: list[tuple[int, DecisionItem]] = []
    for ordinal, item in enumerate(body.items):
        if item.application_id in seen:
            exc = InvalidTransition(
                texts(
                    "The application appears earlier in this batch",
                    "Der Antrag kommt in diesem Stapel schon früher vor",
                )
            )
            results[ordinal] = failed(ordinal, item, exc)
        else:
            seen.add(item.application_id)
            todo.append((ordinal, item))
    return todo


def _not_applied(final: list[ItemResult]) -> list[ItemResult]:
    """The results of a refused all_or_nothing batch: its decided items fail too."""
    refused = problem_of(BatchNotApplied())
    undo = {"outcome": "failed", "problem": refused, "notice_number": None, "granted_amount": None}
    return [r.model_copy(update=undo) if r.outcome == "decided" else r for r in final]


async def _decide_all(
    session: AsyncSession, who: Principal, batch_id: uuid.UUID, body: DecisionBatchCreate
) -> tuple[list[ItemResult], bool]:
    """Every item's result, and whether the batch's decisions were kept."""
    results: Results = [None] * len(body.items)
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
    if body.mode == "all_or_nothing" and any(r.outcome == "failed" for r in final):
        await effects.rollback()
        return _not_applied(final), False
    await effects.commit()
    return final, True


async def decide_batch(
    session: AsyncSession, who: Principal, body: DecisionBatchCreate, reader: Reader
) -> DecisionBatchRead:
    """Decides every item it can and records the batch with per-item results; the answer's item
    problems are for `reader` (the batch keeps them in every language)."""
    batch_id = uuid.uuid4()
    final, applied = await _decide_all(session, who, batch_id, body)
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
    return DecisionBatchRead(**batch.model_dump(), items=render_items(final, reader))


async def get_batch(
    session: AsyncSession, who: Principal, batch_id: uuid.UUID, reader: Reader
) -> DecisionBatchRead:
    """The batch with every item's result, for the organization that sent it (and admins); the
    item problems in the reader's language, whatever the language of the request that made it."""
    batch = await repository.get(session, batch_id)
    if batch is None or (batch.org_id != who.org and not who.has_role("admin")):
        raise BatchNotFound(
            texts(
                "No decision batch with this id",
                "Kein Entscheidungsstapel mit dieser ID",
            )
        )
    items = [ItemResult.model_validate(i) for i in await repository.items(session, batch.id)]
    return DecisionBatchRead(**batch.model_dump(), items=render_items(items, reader))
