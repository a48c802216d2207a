"""Planning-frame use cases: replace frames from a CSV (all rows or none), list frames.

Flagging the applications based on a frame that became final is the applications' part of an
import (`applications.reviews.import_frames`): frames know nothing of applications.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit_many, event_row
from services.common.pagination import Page, cursor_after, make_page
from services.funding.errors import InvalidCsv
from services.funding.frames import repository
from services.funding.frames.csv_rows import FrameRow, parse_frames_csv
from services.funding.frames.models import PlanningFrame
from services.funding.frames.schemas import FrameImportResult, FrameRead, FrameRowError
from services.funding.programmes.models import Programme


@dataclass(frozen=True)
class FrameImport:
    """The rows of an accepted CSV and the frames they replaced (by AGS)."""

    rows: list[FrameRow]
    existing: dict[str, PlanningFrame]

    @property
    def finalized(self) -> list[FrameRow]:
        """Rows that turn a preliminary frame final."""
        return [
            r
            for r in self.rows
            if r.status == "final" and r.ags in self.existing
            if self.existing[r.ags].status == "preliminary"
        ]

    def result(self, flagged: list[uuid.UUID]) -> FrameImportResult:
        created = sum(1 for r in self.rows if r.ags not in self.existing)
        return FrameImportResult(
            created=created,
            updated=len(self.rows) - created,
            finalized=len(self.finalized),
            flagged_applications=flagged,
        )


def _ags_position(value: object) -> str:
    """The AGS a frames cursor holds (a JSON string; anything else is not a cursor we issued)."""
    if not isinstance(value, str):
        raise TypeError("an AGS cursor holds a string")
    return value


def _transition_errors(rows: list[FrameRow], existing: dict[str, str]) -> list[FrameRowError]:
    return [
        FrameRowError(
            row=r.line, field="status", message="a final frame cannot become preliminary again"
        )
        for r in rows
        if existing.get(r.ags) == "final" and r.status == "preliminary"
    ]


async def _accepted_rows(session: AsyncSession, programme: Programme, body: bytes) -> FrameImport:
    """The CSV's rows if every one is valid; 422 `invalid-csv` listing each bad row otherwise."""
    rows, errors = parse_frames_csv(body)
    existing = await repository.frames_by_ags(session, programme.id, [r.ags for r in rows])
    errors += _transition_errors(rows, {a: f.status for a, f in existing.items()})
    if errors:
        errors.sort(key=lambda e: e.row)
        raise InvalidCsv(
            f"{len(errors)} row(s) have errors; nothing was imported",
            row_errors=[e.model_dump() for e in errors[:1000]],
        )
    return FrameImport(rows, existing)


def _frame_values(programme: Programme, row: FrameRow, now: datetime) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "programme_id": programme.id,
        "ags": row.ags,
        "org_id": org_id_for_ags(row.ags),
        "name": row.name,
        "amount": row.amount,
        "status": row.status,
        "reference_date": row.reference_date,
        "updated_at": now,
        "version": 1,
    }


def _finalized_event(programme: Programme, row: FrameRow, before: PlanningFrame) -> dict[str, Any]:
    return event_row(
        "frame.finalized",
        "planning_frame",
        before.id,
        [org_id_for_ags(row.ags)],
        {
            "programme_id": str(programme.id),
            "ags": row.ags,
            "amount": f"{row.amount:.2f}",
            "previous_amount": f"{before.amount:.2f}",
        },
    )


async def replace_frames(session: AsyncSession, programme: Programme, body: bytes) -> FrameImport:
    """Creates or replaces the CSV's frames in one statement; any bad row refuses the whole file.

    Emits `frame.finalized` for each frame going from preliminary to final.
    """
    imported = await _accepted_rows(session, programme, body)
    now = datetime.now(UTC)
    await repository.upsert_frames(
        session, [_frame_values(programme, r, now) for r in imported.rows]
    )
    await emit_many(
        session,
        [_finalized_event(programme, r, imported.existing[r.ags]) for r in imported.finalized],
    )
    return imported


async def record_import(
    session: AsyncSession, who: Principal, programme: Programme, imported: FrameImport, flagged: int
) -> None:
    """The audit entry of an import: how many rows, frames finalized, applications flagged."""
    details = {"rows": len(imported.rows), "finalized": len(imported.finalized), "flagged": flagged}
    await record_audit(session, who, "planning_frames.imported", "programme", programme.id, details)


async def list_frames(
    session: AsyncSession,
    programme: Programme,
    *,
    status: str | None,
    ags_prefix: str | None,
    cursor: str | None,
    limit: int,
) -> Page[FrameRead]:
    """Frames of the programme in AGS order."""
    after = cursor_after(cursor, _ags_position)
    rows = await repository.list_frames(
        session,
        programme.id,
        status=status,
        ags_prefix=ags_prefix,
        after=after[0] if after else None,
        limit=limit,
    )
    return make_page(rows, limit, lambda f: (f.ags,), FrameRead.model_validate)
