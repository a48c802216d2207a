"""Queries on proofs of use."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.funding.applications.models import Application
from services.funding.orm import load_first
from services.funding.proofs.models import ProofOfUse


async def get_for(session: AsyncSession, application_id: uuid.UUID) -> ProofOfUse | None:
    return await load_first(session, ProofOfUse, ProofOfUse.application_id == application_id)


async def approved_without_proof(
    session: AsyncSession, council_org_id: str | None, after: uuid.UUID | None, limit: int
) -> Sequence[Application]:
    """Approved applications (of one council, or all) that have no proof yet, by id."""
    stmt = (
        select(Application)
        .where(col(Application.state).in_(["approved", "partially_approved"]))
        .where(~select(ProofOfUse.id).where(ProofOfUse.application_id == Application.id).exists())
    )
    if council_org_id is not None:
        stmt = stmt.where(Application.council_org_id == council_org_id)
    if after is not None:
        stmt = stmt.where(col(Application.id) > after)
    return (await session.exec(stmt.order_by(col(Application.id)).limit(limit))).all()
