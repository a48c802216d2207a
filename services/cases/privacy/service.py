"""Data subject rights: access log, export (Art. 15), erasure (Art. 17), anonymization."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.casefile import service as case_service
from services.cases.contacts.schemas import ConsultationRead, ReferralRead
from services.cases.models import consultation, referral, volunteer_assignment
from services.cases.plans import repository as plan_repo
from services.cases.plans import service as plan_service
from services.cases.privacy import repository as repo
from services.cases.privacy.schemas import AccessEntry, CaseExport, ErasureRead
from services.cases.volunteers.schemas import AssignmentRead
from services.common.audit import audit_row, record_audit, record_audit_many
from services.common.auth import Principal
from services.common.outbox import emit, emit_many, event_row

REMOVED = ["person_data", "free_text", "pseudonym", "external_id"]
KEPT = [
    "case dates, status and closing reason",
    "plan versions with goal fields and statuses",
    "consultation dates, durations, modes and fields",
    "referral agencies, fields and statuses",
]


async def export(session: AsyncSession, who: Principal, case: Row[Any]) -> CaseExport:
    """One JSON document with everything stored about the case's person; the export is logged."""
    person = await case_repo.get_person(session, case.id)
    await case_repo.log_access(session, case.id, case.org_id, who, "export")
    versions = await plan_repo.list_versions(session, case.id, limit=10_000, after=None)
    goals = await plan_repo.goals_of(session, [v.id for v in versions])
    by_created = [consultation.c.created_at]
    access = await repo.access_page(session, case.id, limit=10_000, after=None)
    return CaseExport(
        exported_at=dt.datetime.now(dt.UTC),
        case=case_service.full(case, person),
        plan_versions=[plan_service.to_read(v, goals[v.id]) for v in versions],
        consultations=[
            ConsultationRead.model_validate(r)
            for r in await repo.rows_of(session, consultation, case.id, by_created)
        ],
        referrals=[
            ReferralRead.model_validate(r)
            for r in await repo.rows_of(session, referral, case.id, [referral.c.created_at])
        ],
        volunteer_assignments=[
            AssignmentRead.model_validate(r)
            for r in await repo.rows_of(
                session, volunteer_assignment, case.id, [volunteer_assignment.c.created_at]
            )
        ],
        access_log=[AccessEntry.model_validate(r, from_attributes=True) for r in access],
    )


async def erase(session: AsyncSession, who: Principal, case: Row[Any]) -> ErasureRead:
    """Removes the person's data and every free text of the case; anonymous counts stay."""
    await repo.remove_personal_data(session, [case.id])
    await repo.mark_erased(session, [case.id], case_service.today())
    await record_audit(session, who, "case.erased", "case", case.id)
    await emit(session, "case.erased", "case", case.id, [case.org_id], {"case_id": str(case.id)})
    refreshed = await case_repo.get(session, case.id, case.org_id)
    assert refreshed is not None  # noqa: S101 - the row is locked by our own update
    return ErasureRead(case_id=case.id, erased_at=refreshed.erased_at, removed=REMOVED, kept=KEPT)


async def anonymize_closed(
    session: AsyncSession, retention_days: int, *, batch: int = 1000
) -> list[uuid.UUID]:
    """Anonymizes up to `batch` cases closed more than `retention_days` ago (set-based)."""
    cutoff = case_service.today() - dt.timedelta(days=retention_days)
    ids = await repo.anonymizable(session, cutoff, batch)
    if not ids:
        return []
    orgs = await repo.owners(session, ids)
    await repo.remove_personal_data(session, ids)
    await repo.mark_erased(session, ids, case_service.today())
    await record_audit_many(
        session,
        [
            audit_row(
                "cli:anonymize", "case.anonymized", "case", i, {"retention_days": retention_days}
            )
            for i in ids
        ],
    )
    await emit_many(
        session,
        [event_row("case.anonymized", "case", i, [orgs[i]], {"case_id": str(i)}) for i in ids],
    )
    return ids
