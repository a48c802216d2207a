"""District-, region- and state-wide key figures for analysts, from the monthly aggregates.

They read `figure_month` (kept by triggers with every change: figures/aggregates.py), a few
rows per organization and month, so the whole state's year costs the same as a district's.
Counts from 1 to 4 read "<5"; the answer has no cells below its totals, so no secondary
suppression is needed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.errors import InvalidPeriod, OutsideArea
from services.cases.figures.schemas import AgencyCount, AreaFigures, AreaKeyFigures, ReasonCount
from services.cases.figures.service import suppress
from services.common.auth import Principal
from services.common.policy import KEY_FIGURE_AREA_ROLES
from services.common.problem_types import texts
from services.common.sql import run

_SUMS = text(
    """
    SELECT figure, key, sum(n)::bigint AS n, count(DISTINCT org_id) AS orgs
    FROM figure_month
    WHERE month BETWEEN :start AND :end AND CAST(:area AS text) = ANY(org_path)
    GROUP BY GROUPING SETS ((figure, key), ())
    """
)


def check_area_reader(who: Principal, area: str) -> None:
    """The ministry reads every area; analysts, reviewers and approvers the areas inside their
    own (AGS keys nest by prefix: 08 > 081 > 08117 > 08117019)."""
    if not who.has_role(*KEY_FIGURE_AREA_ROLES):
        raise OutsideArea(
            texts(
                "Area key figures are for analysts, reviewers and approvers",
                "Gebietskennzahlen sind für Analysten, Kreisprüfung und Bewilligungsstellen",
            )
        )
    if who.org_kind == "ministry":
        return
    own = who.org_path[-1] if who.org_path else None
    if own is None or not area.startswith(own):
        raise OutsideArea(
            texts(
                "This area lies outside your area",
                "Dieses Gebiet liegt außerhalb Ihres Gebiets",
            )
        )


def whole_months(start: dt.date, end: dt.date) -> None:
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        raise InvalidPeriod(
            texts(
                "Area figures count whole months: `from` a 1st, `to` a last day",
                "Gebietskennzahlen zählen ganze Monate: `from` ein Monatserster, `to` ein "
                "Monatsletzter",
            )
        )


async def area_figures(
    session: AsyncSession, who: Principal, area: str, start: dt.date, end: dt.date
) -> AreaKeyFigures:
    check_area_reader(who, area)
    whole_months(start, end)
    rows = (await run(session, _SUMS.bindparams(start=start, end=end, area=area))).all()
    sums: Counter[tuple[str, str]] = Counter()
    organizations = 0
    for r in rows:
        if r.figure is None:
            organizations = int(r.orgs)
        else:
            sums[(r.figure, r.key)] += int(r.n)
    consultations = sums[("consultations", "")]
    hours = str((Decimal(sums[("minutes", "")]) / 60).quantize(Decimal("0.01")))
    totals = AreaFigures(
        new_cases=suppress(sums[("new_cases", "")]),
        plans_created=suppress(sums[("plans_created", "")]),
        plans_revised=suppress(sums[("plans_revised", "")]),
        consultations=suppress(consultations),
        consultation_hours="<5" if suppress(consultations) == "<5" else hours,
        referrals=[
            AgencyCount(agency=k, count=suppress(n))
            for (f, k), n in sorted(sums.items())
            if f == "referrals" and n
        ],
        cases_closed=[
            ReasonCount(reason=k, count=suppress(n))
            for (f, k), n in sorted(sums.items())
            if f == "closed" and n and k
        ],
    )
    return AreaKeyFigures(
        area=area,
        period_start=start,
        period_end=end,
        organizations=organizations,
        generated_at=dt.datetime.now(dt.UTC),
        totals=totals,
    )
