"""The CSV export of a filtered application list, streamed: every matching row, no cap.

The rows come from one statement through a server-side cursor (one snapshot, so the file is
consistent however long it takes), `CHUNK` rows at a time, each chunk written out before the
next is fetched: memory stays the same for 100 or 1,000,000 rows. PostgreSQL renders every
cell as text (amounts with two decimals, ISO 8601 times in UTC, `true`/`false`), so Python only
joins lines. The export has its own session, since the response is sent after the request's
session ends.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence

from sqlalchemy import ColumnElement, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from services.common.auth import Principal
from services.funding.applications.models import Application
from services.funding.applications.repository import filter_clauses, visible_to
from services.funding.applications.schemas import ApplicationFilters

CHUNK = 2_000
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


_ISO = "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
_FORMULA = "left(applicant_name, 1) IN ('=', '+', '-', '@')"
_TEXT = {
    # a formula in free text is neutralised for spreadsheets (CSV injection)
    "applicant_name": f"CASE WHEN {_FORMULA} THEN chr(39) || applicant_name"
    " ELSE applicant_name END",
    "granted_amount": "coalesce(granted_amount::text, '')",  # numeric(14,2): two decimals
    "notice_number": "coalesce(notice_number, '')",
    "submitted_at": f"coalesce({_ISO.format('submitted_at')}, '')",
    "decided_at": f"coalesce({_ISO.format('decided_at')}, '')",
    "created_at": _ISO.format("created_at"),
}
_CELLS: list[ColumnElement[str]] = [
    literal_column(_TEXT.get(name, f"{name}::text")).label(name) for name in HEADER
]
_KEYS = (col(Application.created_at), col(Application.id))


def _encode(rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


async def applications_csv(
    sessions: async_sessionmaker[AsyncSession], who: Principal, filters: ApplicationFilters
) -> AsyncIterator[bytes]:
    """The header, then every visible application matching `filters`, oldest first."""
    stmt = (
        select(*_CELLS)
        .select_from(Application)
        .where(visible_to(who), *filter_clauses(filters))
        .order_by(*_KEYS)
    )
    async with sessions() as session:  # only reads: closing it ends the transaction
        connection = await session.connection()
        result = await connection.stream(stmt.execution_options(yield_per=CHUNK))
        yield _encode([HEADER])
        async for chunk in result.partitions(CHUNK):
            yield _encode(chunk)


async def primed(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """`chunks` with its first part read now: a database that cannot be reached (or refuses the
    query) is a problem response before the first byte, not a cut-off file. A failure later, in
    the middle of the file, can only end the stream."""
    first = await anext(chunks)

    async def rest() -> AsyncIterator[bytes]:
        yield first
        async for chunk in chunks:
            yield chunk

    return rest()
