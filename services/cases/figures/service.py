"""Key figures: who may read them (token claims and the directory), and how small counts are hidden.

Suppression (published figures, DESIGN.md "Data protection"):
1. primary: every count from 1 to 4 reads "<5" (hours: "<5" when 1 to 4 consultations);
2. secondary: the cells of one answer add up to its totals (each per-worker count of a figure,
   of a goal field and status, of an agency, of a closing reason sums to the total of the same
   figure). Where any cell of such a group reads "<5", the group's total reads "withheld", so
   no suppressed cell is the total minus the other cells. A total that is itself 1 to 4 reads
   "<5". Zeros are shown: a zero identifies nobody.
Exact counts go only to callers holding the scope `figures:exact` (the funding service's client,
for the proof of use a council decides money on); the answer says `exact: true`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.errors import OutsideArea
from services.cases.figures import repository as repo
from services.cases.figures.directory import Directory
from services.cases.figures.schemas import (
    AgencyCount,
    CaseWorkerFigures,
    Count,
    Figures,
    GoalCount,
    KeyFigures,
    ReasonCount,
    Scope,
)
from services.common.auth import Principal
from services.common.policy import EXACT_FIGURES_SCOPE, KEY_FIGURE_AREA_ROLES
from services.common.problem_types import texts

THRESHOLD = 5
SCALARS = ("persons", "new_cases", "plans_created", "plans_revised", "consultations")


def suppress(n: int) -> Count:
    return "<5" if 0 < n < THRESHOLD else n


def covers(reader: Principal, owner_path: Iterable[str]) -> bool:
    """The reader's area covers an organization when its AGS chain is a prefix of the owner's."""
    if reader.org_kind == "ministry":
        return True
    path = list(reader.org_path)
    return bool(path) and list(owner_path)[: len(path)] == path


async def check_reader(directory: Directory, who: Principal, scope: Scope) -> None:
    """The organization itself; the organization the figures were delivered for; the funding
    service (exact scope); analysts, reviewers and approvers whose area covers the organization
    by its place in the directory. Unknown organizations and ones outside the area get the same
    403, whether or not they have cases."""
    if who.org in (scope.org_id, scope.commissioned_by) or EXACT_FIGURES_SCOPE in who.scopes:
        return
    if not who.has_role(*KEY_FIGURE_AREA_ROLES):
        raise OutsideArea(
            texts(
                "Key figures are for the organization itself and for analysts of its area",
                "Kennzahlen sind für die Organisation selbst und für Analysten ihres Gebiets",
            )
        )
    if who.org_kind == "ministry":
        return
    entry = await directory.entry(scope.org_id)
    if entry is None or not covers(who, entry.org_path):
        raise OutsideArea(
            texts(
                "This organization lies outside your area",
                "Diese Organisation liegt außerhalb Ihres Gebiets",
            )
        )


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

    def cells(self) -> dict[Key, int]:
        """Every count of these figures, keyed so that the same cell of two workers matches."""
        out: dict[Key, int] = {(name,): getattr(self, name) for name in SCALARS}
        out.update({("goal", f, st): n for (f, st), n in self.goals.items()})
        out.update({("referral", a): n for a, n in self.referrals.items()})
        out.update({("closed", r): n for r, n in self.closed.items()})
        return out

    def hours(self) -> str:
        return str((Decimal(self.minutes) / 60).quantize(Decimal("0.01")))


Key = tuple[str, ...]


def _figures(shown: dict[Key, Count], hours: str) -> Figures:
    """The answer's shape from the cells as they are shown."""
    return Figures(
        persons_counselled=shown[("persons",)],
        new_cases=shown[("new_cases",)],
        plans_created=shown[("plans_created",)],
        plans_revised=shown[("plans_revised",)],
        consultations=shown[("consultations",)],
        consultation_hours=hours,
        goals=[GoalCount(field=k[1], status=k[2], count=v) for k, v in _keyed(shown, "goal")],
        referrals=[AgencyCount(agency=k[1], count=v) for k, v in _keyed(shown, "referral")],
        cases_closed=[ReasonCount(reason=k[1], count=v) for k, v in _keyed(shown, "closed")],
    )


def _keyed(shown: dict[Key, Count], kind: str) -> list[tuple[Any, Count]]:
    return sorted((k, v) for k, v in shown.items() if k[0] == kind)


def _published(e: _Exact, withheld: set[Key]) -> Figures:
    """Primary suppression of every cell, and "withheld" for the `withheld` totals."""
    shown: dict[Key, Count] = {}
    for key, n in e.cells().items():
        count = suppress(n)
        shown[key] = "withheld" if key in withheld and count != "<5" else count
    hours = e.hours()
    if shown[("consultations",)] in ("<5", "withheld"):
        hours = str(shown[("consultations",)])
    return _figures(shown, hours)


def _exact(e: _Exact) -> Figures:
    return _figures(dict(e.cells()), e.hours())


def shown_figures(
    workers: dict[str, _Exact], total: _Exact, *, exact: bool
) -> tuple[Figures, list[CaseWorkerFigures]]:
    """Totals and per-worker figures, exact or with primary and secondary suppression."""
    show: Callable[[_Exact], Figures] = _exact if exact else lambda e: _published(e, set())
    per_worker = [
        CaseWorkerFigures(case_worker=w, figures=show(e)) for w, e in sorted(workers.items())
    ]
    if exact:
        return _exact(total), per_worker
    withheld = {
        key for e in workers.values() for key, n in e.cells().items() if suppress(n) == "<5"
    }
    return _published(total, withheld), per_worker


def _collect(raw: dict[str, list[Any]]) -> dict[str, _Exact]:
    """Per worker, from repository rows `(part, worker, key, key2, n, m, persons)`."""
    workers: dict[str, _Exact] = defaultdict(_Exact)
    for r in raw["cases"]:
        workers[r.worker].new_cases += r.n
    for r in raw["consultations"]:
        w = workers[r.worker]
        w.consultations, w.minutes, w.persons = r.n, int(r.m or 0), r.persons
    for r in raw["plans"]:
        workers[r.worker].plans_created, workers[r.worker].plans_revised = r.n, r.m
    for r in raw["goals"]:
        workers[r.worker].goals[(r.key, r.key2)] += r.n
    for r in raw["referrals"]:
        workers[r.worker].referrals[r.key] += r.n
    for r in raw["closed"]:
        workers[r.worker].closed[r.key] += r.n
    return workers


async def key_figures(
    session: AsyncSession, who: Principal, directory: Directory, scope: Scope
) -> KeyFigures:
    """The figures of `scope`, for a reader `check_reader` lets through."""
    await check_reader(directory, who, scope)
    workers = _collect(await repo.aggregates(session, scope))
    total = _Exact()
    for exact in workers.values():
        total.add(exact)
    is_exact = EXACT_FIGURES_SCOPE in who.scopes
    totals, per_worker = shown_figures(workers, total, exact=is_exact)
    return KeyFigures(
        org=scope.org_id,
        period_start=scope.start,
        period_end=scope.end,
        case_worker=scope.worker,
        commissioned_by=scope.commissioned_by,
        grant_id=scope.grant_id,
        exact=is_exact,
        generated_at=dt.datetime.now(dt.UTC),
        totals=totals,
        by_case_worker=per_worker,
    )
