"""Planning-frame use cases: import a CSV (all rows or none), list frames."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import audit_row, record_audit, record_audit_many
from services.common.auth import Principal
from services.common.orgs import org_id_for_ags
from services.common.outbox import emit_many, event_row
from services.common.pagination import Page, decode_cursor, make_page
from services.funding.errors import InvalidCsv
from services.funding.frames import repository
from services.funding.frames.csv_rows import FrameRow, parse_frames_csv
from services.funding.frames.schemas import FrameImportResult, FrameRead, FrameRowError
from services.funding.programmes.models import Programme


def _transition_errors(rows: list[FrameRow], existing: dict[str, str]) -> list[FrameRowError]:
    return [
        FrameRowError(
            row=r.line, field="status", message="a final frame cannot become preliminary again"
        )
        for r in rows
        if existing.get(r.ags) == "final" and r.status == "preliminary"
    ]


async def import_frames(
    session: AsyncSession, who: Principal, programme: Programme, body: bytes
) -> FrameImportResult:
    """Creates or replaces frames from a CSV; any bad row refuses the file, listing every error.

    Frames that turn from preliminary to final flag the applications based on them for review.
    """
    rows, errors = parse_frames_csv(body)
    existing = await repository.frames_by_ags(session, programme.id, [r.ags for r in rows])
    errors += _transition_errors(rows, {a: f.status for a, f in existing.items()})
    if errors:
        errors.sort(key=lambda e: e.row)
        raise InvalidCsv(
            f"{len(errors)} row(s) have errors; nothing was imported",
            row_errors=[e.model_dump() for e in errors[:1000]],
        )
    now = datetime.now(UTC)
    await repository.upsert_frames(
        session,
        [
            {
                "id": uuid.uuid4(),
                "programme_id": programme.id,
                "ags": r.ags,
                "org_id": org_id_for_ags(r.ags),
                "name": r.name,
                "amount": r.amount,
                "status": r.status,
                "reference_date": r.reference_date,
                "updated_at": now,
                "version": 1,
            }
            for r in rows
        ],
    )
    finalized = [
        r
        for r in rows
        if r.status == "final" and r.ags in existing and existing[r.ags].status == "preliminary"
    ]
    flagged: dict[uuid.UUID, list[str]] = {}
    if finalized:
        flagged = await repository.flag_for_review(
            session,
            programme.id,
            [r.ags for r in finalized],
            "The final planning frame replaced the preliminary one this application was based on",
        )
    await record_audit(
        session,
        who,
        "planning_frames.imported",
        "programme",
        programme.id,
        {"rows": len(rows), "finalized": len(finalized), "flagged": len(flagged)},
    )
    await record_audit_many(
        session,
        [
            audit_row(
                who, "application.flagged_for_review", "application", a, {"reason": "final frame"}
            )
            for a in flagged
        ],
    )
    await emit_many(
        session,
        [
            event_row(
                "frame.finalized",
                "planning_frame",
                existing[r.ags].id,
                [org_id_for_ags(r.ags)],
                {
                    "programme_id": str(programme.id),
                    "ags": r.ags,
                    "amount": f"{r.amount:.2f}",
                    "previous_amount": f"{existing[r.ags].amount:.2f}",
                },
            )
            for r in finalized
        ]
        + [
            event_row(
                "application.flagged_for_review",
                "application",
                app_id,
                audience,
                {"programme_id": str(programme.id), "reason": "final planning frame"},
            )
            for app_id, audience in flagged.items()
        ],
    )
    return FrameImportResult(
        created=sum(1 for r in rows if r.ags not in existing),
        updated=sum(1 for r in rows if r.ags in existing),
        finalized=len(finalized),
        flagged_applications=list(flagged),
    )


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
    after = str(decode_cursor(cursor, 1)[0]) if cursor else None
    rows = await repository.list_frames(
        session, programme.id, status=status, ags_prefix=ags_prefix, after=after, limit=limit
    )
    return make_page(rows, limit, lambda f: (f.ags,), FrameRead.model_validate)
