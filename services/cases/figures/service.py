"""Key figures: who may read them (from token claims) and how small counts are hidden."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.errors import OutsideArea
from services.cases.figures import repository as repo
from services.cases.figures.schemas import (
    AgencyCount,
    CaseWorkerFigures,
    Count,
    Figures,
    GoalCount,
    KeyFigures,
    ReasonCount,
)
from services.common.auth import Principal

THRESHOLD = 5
AREA_ROLES = ("analyst", "approver", "district_reviewer")


def suppress(n: int) -> Count:
    return "<5" if 0 < n < THRESHOLD else n


def covers(reader: Principal, owner_path: list[str]) -> bool:
    """The reader's area covers an organization when its AGS chain is a prefix of the owner's."""
    if reader.org_kind == "ministry":
        return True
    path = list(reader.org_path)
    return bool(path) and owner_path[: len(path)] == path


async def check_reader(session: AsyncSession, who: Principal, org_id: str) -> None:
    """The organization itself, or analysts (and reviewers, approvers) whose area covers it."""
    if who.org == org_id:
        return
    if not who.has_role(*AREA_ROLES):
        raise OutsideArea(
            "Key figures are for the organization itself and for analysts of its area"
        )
    owner = await repo.owner_path(session, org_id)
    if owner is not None and not covers(who, owner):
        raise OutsideArea("This organization lies outside your area")


@dataclass
class _Exact:
    new_cases: int = 0
    persons: int = 0
    plans_created: int = 0
    plans_revised: int = 0
    consultations: int = 0
    minutes: int = 0
    goals: Counter[tuple[str, str]] = field(default_factory=Counter)
    referrals: Counter[str] = field(default_factory=Counter)
    closed: Counter[str] = field(default_factory=Counter)

    def add(self, other: _Exact) -> None:
        for name in (
            "new_cases",
            "persons",
            "plans_created",
            "plans_revised",
            "consultations",
            "minutes",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.goals.update(other.goals)
        self.referrals.update(other.referrals)
        self.closed.update(other.closed)

    def shown(self) -> Figures:
        hours = (Decimal(self.minutes) / 60).quantize(Decimal("0.01"))
        return Figures(
            persons_counselled=suppress(self.persons),
            new_cases=suppress(self.new_cases),
            plans_created=suppress(self.plans_created),
            plans_revised=suppress(self.plans_revised),
            consultations=suppress(self.consultations),
            consultation_hours="<5" if 0 < self.consultations < THRESHOLD else str(hours),
            goals=[
                GoalCount(field=f, status=s, count=suppress(n))
                for (f, s), n in sorted(self.goals.items())
            ],
            referrals=[
                AgencyCount(agency=a, count=suppress(n)) for a, n in sorted(self.referrals.items())
            ],
            cases_closed=[
                ReasonCount(reason=r, count=suppress(n)) for r, n in sorted(self.closed.items())
            ],
        )


def _collect(raw: dict[str, list[Any]]) -> dict[str, _Exact]:
    workers: dict[str, _Exact] = defaultdict(_Exact)
    for r in raw["cases"]:
        workers[r.worker].new_cases += r.new_cases
    for r in raw["consultations"]:
        w = workers[r.worker]
        w.consultations, w.minutes, w.persons = r.n, int(r.minutes or 0), r.persons
    for r in raw["plans"]:
        workers[r.worker].plans_created, workers[r.worker].plans_revised = r.created, r.revised
    for r in raw["goals"]:
        workers[r.worker].goals[(r.field, r.status)] += r.n
    for r in raw["referrals"]:
        workers[r.worker].referrals[r.key] += r.n
    for r in raw["closed"]:
        workers[r.worker].closed[r.key] += r.n
    return workers


async def key_figures(
    session: AsyncSession,
    who: Principal,
    org_id: str,
    start: dt.date,
    end: dt.date,
    worker: str | None,
) -> KeyFigures:
    await check_reader(session, who, org_id)
    workers = _collect(await repo.aggregates(session, org_id, start, end, worker))
    total = _Exact()
    for exact in workers.values():
        total.add(exact)
    return KeyFigures(
        org=org_id,
        period_start=start,
        period_end=end,
        case_worker=worker,
        generated_at=dt.datetime.now(dt.UTC),
        totals=total.shown(),
        by_case_worker=[
            CaseWorkerFigures(case_worker=w, figures=e.shown()) for w, e in sorted(workers.items())
        ],
    )
