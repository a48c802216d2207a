"""Planning frames as ceilings across applications: what an application holds, and where.

An application draws on the frames of its municipalities: its own (alone), every member's
(consortium) or every delegating municipality's (district). From submit until it is returned,
withdrawn or rejected it holds its amount (the granted amount once partially approved) against
those frames, apportioned **in proportion to the frames** (largest remainder to the cent, ties
to the lower AGS), and each municipality's holds never exceed its frame. Drafts hold nothing.

Lock order: the consortium row (consortium applications), then the frame rows in AGS order,
then the application; releasing or shrinking a hold takes no frame lock (it only frees room).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.problem_types import texts
from services.funding.applications.models import Application
from services.funding.errors import ConsortiumNotActive, FrameCeilingExceeded, NoPlanningFrame
from services.funding.frames import repository as frames
from services.funding.money import format_money

HOLDING = frozenset({"submitted", "forwarded", "approved", "partially_approved"})
CENT = Decimal("0.01")


def draw_ags(app: Application) -> list[str]:
    """The municipalities whose frames the application draws on."""
    return sorted(set(app.member_ags)) or [app.applicant_ags]


def apportion(amount: Decimal, weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """`amount` split in proportion to `weights`, in cents, summing exactly to `amount`."""
    keys = sorted(weights)
    total = sum(weights.values(), Decimal(0))
    if total <= 0:
        shares = {k: Decimal("0.00") for k in keys}
        shares[keys[0]] = amount
        return shares
    exact = {k: amount * weights[k] / total for k in keys}
    shares = {k: exact[k].quantize(CENT, rounding=ROUND_DOWN) for k in keys}
    left = int((amount - sum(shares.values(), Decimal(0))) / CENT)
    for k in sorted(keys, key=lambda k: (shares[k] - exact[k], k))[:left]:
        shares[k] += CENT
    return shares


async def lock_for(session: AsyncSession, app: Application) -> None:
    """Takes the locks a hold needs, before the application's own lock."""
    if app.consortium_id is not None:
        await frames.lock_consortium(session, app.consortium_id)
    await frames.frames_by_ags(session, app.programme_id, draw_ags(app), lock=True)


async def _check_consortium(session: AsyncSession, app: Application) -> None:
    if app.consortium_id is None:
        return
    consortium = await frames.get_consortium(session, app.consortium_id)
    members = await frames.members(session, app.consortium_id)
    accepted = {m.ags for m in members if m.state == "accepted"}
    if consortium is None or consortium.state != "active" or accepted != set(app.member_ags):
        raise ConsortiumNotActive(
            texts(
                "The consortium does not count now: every member must have accepted, and its "
                "members must be those of this application (draft a new one if they changed)",
                "Der Verbund zählt derzeit nicht: alle Mitglieder müssen zugestimmt haben, und "
                "seine Mitglieder müssen die dieses Antrags sein (stellen Sie einen neuen Antrag, "
                "wenn sie sich geändert haben)",
            ),
            consortium_id=str(app.consortium_id),
        )


def _refusal(frame: Any, share: Decimal, held: Decimal, amount: Decimal) -> FrameCeilingExceeded:
    remaining = frame.amount - held
    return FrameCeilingExceeded(
        texts(
            f"The planning frame of {frame.name} ({frame.ags}) is {format_money(frame.amount)} "
            f"EUR; other applications hold {format_money(held)} EUR of it, "
            f"{format_money(remaining)} EUR remain, and this application's share is "
            f"{format_money(share)} EUR",
            f"Der Planungsrahmen von {frame.name} ({frame.ags}) beträgt "
            f"{format_money(frame.amount)} EUR; andere Anträge binden davon {format_money(held)} "
            f"EUR, {format_money(remaining)} EUR bleiben, und der Anteil dieses Antrags beträgt "
            f"{format_money(share)} EUR",
        ),
        ags=frame.ags,
        frame_name=frame.name,
        frame_amount=format_money(frame.amount),
        held_amount=format_money(held),
        remaining_amount=format_money(remaining),
        share_amount=format_money(share),
        requested_amount=format_money(amount),
    )


async def acquire(session: AsyncSession, app: Application, amount: Decimal) -> None:
    """Holds `amount` against the application's frames, or 409 `frame-ceiling-exceeded`."""
    await _check_consortium(session, app)
    ags = draw_ags(app)
    found = await frames.frames_by_ags(session, app.programme_id, ags, lock=True)
    missing = [a for a in ags if a not in found]
    if missing:
        raise NoPlanningFrame(
            texts(
                "A municipality lost its planning frame",
                "Eine Kommune hat ihren Planungsrahmen verloren",
            ),
            missing_ags=missing,
        )
    shares = apportion(amount, {a: found[a].amount for a in ags})
    await frames.release_holds(session, [app.id])
    held = await frames.held_by_ags(session, app.programme_id, ags)
    for a in ags:
        if held[a] + shares[a] > found[a].amount:
            raise _refusal(found[a], shares[a], held[a], amount)
    await frames.put_holds(session, [_row(app, a, shares[a]) for a in ags])


def _row(app: Application, ags: str, amount: Decimal) -> dict[str, Any]:
    return {
        "application_id": app.id,
        "ags": ags,
        "programme_id": app.programme_id,
        "consortium_id": app.consortium_id,
        "amount": amount,
    }


async def shrink(session: AsyncSession, granted: Sequence[tuple[uuid.UUID, Decimal]]) -> None:
    """Partial approvals: each application's holds shrink to its granted amount, apportioned
    like the holds they replace (so no share grows)."""
    if not granted:
        return
    holds = await frames.holds_of(session, [i for i, _ in granted])
    rows: list[dict[str, Any]] = []
    for app_id, amount in granted:
        own = [h for h in holds if h.application_id == app_id]
        if not own:
            continue
        shares = apportion(amount, {h.ags: h.amount for h in own})
        rows.extend(
            {
                **h.model_dump(include={"application_id", "ags", "programme_id", "consortium_id"}),
                "amount": shares[h.ags],
            }
            for h in own
        )
    await frames.put_holds(session, rows)


async def follow(session: AsyncSession, app: Application, to_state: str, amount: Decimal) -> None:
    """Moves the application's holds along with a transition from `app.state` to `to_state`."""
    was, now = app.state in HOLDING, to_state in HOLDING
    if now and not was:
        await acquire(session, app, amount)
    elif was and not now:
        await frames.release_holds(session, [app.id])
    elif now and to_state == "partially_approved":
        await shrink(session, [(app.id, amount)])


async def follow_decisions(
    session: AsyncSession, decided: Sequence[tuple[uuid.UUID, str, Decimal]]
) -> None:
    """A batch's decisions (id, new state, granted): rejections release, partial approvals
    shrink, approvals keep what they hold."""
    await frames.release_holds(session, [i for i, state, _ in decided if state not in HOLDING])
    await shrink(session, [(i, g) for i, state, g in decided if state == "partially_approved"])
