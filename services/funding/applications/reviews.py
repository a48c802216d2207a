"""Applications based on a preliminary planning frame that became final are flagged for review.

The applications' side of a frame import: frames are replaced first (`frames.service`), then
every open or decided application that relied on a replaced preliminary frame is flagged.
"""

from __future__ import annotations

import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import audit_row, record_audit_many
from services.common.auth import Principal
from services.common.imports.upload import Upload
from services.common.outbox import emit_many, event_row
from services.funding.applications import repository
from services.funding.frames import service as frame_service
from services.funding.frames.schemas import FrameImportReport
from services.funding.programmes.models import Programme

REVIEW_REASON = (
    "The final planning frame replaced the preliminary one this application was based on"
)


async def flag_for_final_frames(
    session: AsyncSession, who: Principal, programme_id: uuid.UUID, finalized_ags: list[str]
) -> list[uuid.UUID]:
    """Flags (`needs_review`) the applications based on these frames' preliminary figures, with
    one audit entry and one `application.flagged_for_review` event each; returns their ids."""
    if not finalized_ags:
        return []
    flagged = await repository.flag_for_review(session, programme_id, finalized_ags, REVIEW_REASON)
    await record_audit_many(
        session,
        [
            audit_row(
                who, "application.flagged_for_review", "application", a, {"reason": "final frame"}
            )
            for a in flagged
        ],
    )
    payload = {"programme_id": str(programme_id), "reason": "final planning frame"}
    await emit_many(
        session,
        [
            event_row("application.flagged_for_review", "application", app_id, audience, payload)
            for app_id, audience in flagged.items()
        ],
    )
    return list(flagged)


async def import_frames(
    session: AsyncSession, who: Principal, programme: Programme, upload: Upload
) -> FrameImportReport:
    """Creates or replaces frames from a CSV under the import rules (`upload.mode`).

    Frames that turn from preliminary to final flag the applications based on them for review.
    """
    imported = await frame_service.replace_frames(session, programme, upload)
    finalized = [r.ags for r in imported.finalized]
    flagged = await flag_for_final_frames(session, who, programme.id, finalized)
    await frame_service.record_import(session, who, programme, imported, len(flagged))
    return imported.report(flagged)
