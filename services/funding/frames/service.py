"""Planning-frame use cases: replace frames from a CSV (the common import rules), list frames.

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
from services.common.imports.outcome import Settled, settle
from services.common.imports.upload import Upload
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit_many, event_row
from services.common.pagination import Page, cursor_after, make_page
from services.funding.frames import repository
from services.funding.frames.csv_rows import FrameRow, parse_frames_csv
from services.funding.frames.models import PlanningFrame
from services.funding.frames.schemas import FrameImportReport, FrameRead
from services.funding.programmes.models import Programme


@dataclass(frozen=True)
class FrameImport:
    """The rows that change a frame, the frames they replace (by AGS), the report's members."""

    rows: list[FrameRow]
    existing: dict[str, PlanningFrame]
    settled: Settled

    @property
    def finalized(self) -> list[FrameRow]:
        """Rows that turn a preliminary frame final."""
        return [
            r
            for r in self.rows
            if r.status == "final" and r.ags in self.existing
            if self.existing[r.ags].status == "preliminary"
        ]

    def report(self, flagged: list[uuid.UUID]) -> FrameImportReport:
        return FrameImportReport(
            **self.settled, finalized=len(self.finalized), flagged_applications=flagged
        )


def _ags_position(value: object) -> str:
    """The AGS a frames cursor holds (a JSON string; anything else is not a cursor we issued)."""
    if not isinstance(value, str):
        raise TypeError("an AGS cursor holds a string")
    return value


def _unchanged(before: PlanningFrame | None, row: FrameRow) -> bool:
    return before is not None and (
        before.name,
        before.amount,
        before.status,
        before.reference_date,
    ) == (row.name, row.amount, row.status, row.reference_date)


async def _plan(session: AsyncSession, programme: Programme, upload: Upload) -> FrameImport:
    """Every line checked (a final frame cannot become preliminary again); `import-refused`
    when the mode forbids committing."""
    rows, errors = parse_frames_csv(upload.data)
    await repository.lock_imports(session, programme.id)  # one import per programme at a time
    existing = await repository.frames_by_ags(session, programme.id, [r.ags for r in rows])
    valid = []
    for r in rows:
        before = existing.get(r.ags)
        if before is not None and before.status == "final" and r.status == "preliminary":
            message = "a final frame cannot become preliminary again"
            errors.add(r.line, message, field="status", code="conflict")
            continue
        valid.append(r)
    changed = [r for r in valid if not _unchanged(existing.get(r.ags), r)]
    created = sum(1 for r in changed if r.ags not in existing)
    settled = settle(
        upload.mode,
        errors,
        created=created,
        updated=len(changed) - created,
        unchanged=len(valid) - len(changed),
    )
    return FrameImport(changed, existing, settled)


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


async def replace_frames(
    session: AsyncSession, programme: Programme, upload: Upload
) -> FrameImport:
    """Creates or replaces the file's changed frames in one statement (lines equal to the
    stored frame touch nothing); which lines may be kept is the mode's decision.

    Emits `frame.finalized` for each frame going from preliminary to final.
    """
    imported = await _plan(session, programme, upload)
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
    details = {
        **imported.settled["summary"].model_dump(),
        "mode": imported.settled["mode"],
        "finalized": len(imported.finalized),
        "flagged": flagged,
    }
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
