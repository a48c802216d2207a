"""Many forwarded applications in one statement: demo data and load measurements."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.orgs import org_id_for_ags
from services.common.sql import run
from services.funding.applications.models import Application
from services.funding.routing import route_for


async def insert_forwarded(
    session: AsyncSession,
    programme_id: uuid.UUID,
    count: int,
    *,
    applicant_ags: str = "08117019",
    amount: Decimal = Decimal("51000.00"),
    council_ags: str = "081",
) -> list[uuid.UUID]:
    """Inserts `count` applications waiting for the council's decision (no positions)."""
    route = route_for("municipality", applicant_ags, statewide_council=council_ags)
    now = datetime.now(UTC)
    ids = [uuid.uuid4() for _ in range(count)]
    rows: list[dict[str, Any]] = [
        {
            "id": i,
            "programme_id": programme_id,
            "state": "forwarded",
            "step": "council",
            "applicant_kind": "municipality",
            "applicant_org_id": org_id_for_ags(applicant_ags),
            "applicant_name": f"Gemeinde {applicant_ags}",
            **asdict(route),
            "member_org_ids": [],
            "member_ags": [],
            "delivery_model": "own_staff",
            "providers": [],
            "frame_amount": amount,
            "frame_status": "final",
            "requested_amount": amount,
            "early_start": False,
            "needs_review": False,
            "submitted_at": now,
            "created_by": "bulk",
            "created_at": now,
            "updated_at": now,
            "version": 3,
        }
        for i in ids
    ]
    for start in range(0, count, 2000):
        await run(session, insert(Application), rows[start : start + 2000])
    return ids
