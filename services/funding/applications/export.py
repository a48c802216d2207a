"""The CSV export of a filtered application list."""

from __future__ import annotations

import csv
import io

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.funding.applications import repository
from services.funding.applications.schemas import ApplicationFilters
from services.funding.money import format_money

MAX_ROWS = 50_000
CHUNK = 1_000
HEADER = (
    "id",
    "programme_id",
    "state",
    "step",
    "applicant_kind",
    "applicant_name",
    "applicant_ags",
    "district_ags",
    "region_ags",
    "delivery_model",
    "frame_amount",
    "frame_status",
    "requested_amount",
    "granted_amount",
    "early_start",
    "needs_review",
    "notice_number",
    "submitted_at",
    "decided_at",
    "created_at",
)


def _safe(value: str) -> str:
    """Neutralises spreadsheet formulas in free text (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


async def applications_csv(
    session: AsyncSession, who: Principal, filters: ApplicationFilters
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    after = None
    written = 0
    while written < MAX_ROWS:
        rows = await repository.list_page(session, who, filters, after, CHUNK)
        for a in rows:
            writer.writerow(
                [
                    a.id,
                    a.programme_id,
                    a.state,
                    a.step,
                    a.applicant_kind,
                    _safe(a.applicant_name),
                    a.applicant_ags,
                    a.district_ags,
                    a.region_ags,
                    a.delivery_model,
                    format_money(a.frame_amount),
                    a.frame_status,
                    format_money(a.requested_amount),
                    format_money(a.granted_amount) if a.granted_amount is not None else "",
                    str(a.early_start).lower(),
                    str(a.needs_review).lower(),
                    a.notice_number or "",
                    a.submitted_at.isoformat() if a.submitted_at else "",
                    a.decided_at.isoformat() if a.decided_at else "",
                    a.created_at.isoformat(),
                ]
            )
        written += len(rows)
        if len(rows) < CHUNK:
            break
        after = (rows[-1].created_at, rows[-1].id)
    return out.getvalue()
