"""Data subject rights: consent withdrawal, access log, export (Art. 15), erasure (Art. 17),
anonymization after the retention period."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.casefile.schemas import CaseRead
from services.cases.casefile.service import (
    announce,
    consent_active,
    full,
    lock_case,
    read_personal,
    today,
)
from services.cases.contacts.service import CONSULTATIONS, REFERRALS
from services.cases.errors import InvalidTransition
from services.cases.items import service as items
from services.cases.plans.service import versions_of
from services.cases.privacy import repository as repo
from services.cases.privacy.schemas import AccessEntry, CaseExport, ErasureRead
from services.cases.volunteers.service import ASSIGNMENTS
from services.common.audit import audit_row, record_audit_many
from services.common.auth import Principal
from services.common.outbox import emit_many, event_row
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts

REMOVED = [
    "person_data",
    "free_text",
    "pseudonym",
    "external_id",
    "stored_responses",
    "personal_keys_of_audit_details_and_events",
]
KEPT = [
    "case dates, status and closing reason",
    "plan versions with goal fields and statuses",
    "consultation dates, durations, modes and fields",
    "referral agencies, fields and statuses",
]


async def withdraw_consent(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None
) -> CaseRead:
    """Ends consent under If-Match: person data and free text go; the case and its statistics
    stay."""
    row = await lock_case(session, who, case_id, if_match)
    if not consent_active(row):
        raise InvalidTransition(
            texts(
                "There is no active consent to withdraw",
                "Es gibt keine aktive Einwilligung, die widerrufen werden könnte",
            )
        )
    await repo.scrub(session, [case_id], identity=False)
    updated = await case_repo.update_case(
        session, case_id, who.org, {"consent_withdrawn_on": today()}
    )
    await announce(session, who, "consent.withdrawn", case_id)
    return full(updated, None)


def _entry(row: object) -> AccessEntry:
    return AccessEntry.model_validate(row, from_attributes=True)


async def access_log(
    session: AsyncSession, case_id: uuid.UUID, page: PageParams
) -> Page[AccessEntry]:
    """Who read the case's personal data, newest first (for its privacy officer)."""
    after = cursor_after(page.cursor, int)
    rows = await repo.access_page(session, case_id, limit=page.limit, after=after)
    return make_page(rows, page.limit, key=lambda r: (r.id,), to_item=_entry)


async def export(session: AsyncSession, who: Principal, case_id: uuid.UUID) -> CaseExport:
    """One document with everything stored about the case's person; the export is logged."""
    case = await read_personal(session, who, case_id, "export")
    access = await repo.access_page(session, case_id, limit=10_000, after=None)
    return CaseExport(
        exported_at=dt.datetime.now(dt.UTC),
        case=case,
        plan_versions=await versions_of(session, case_id),
        consultations=await items.every(session, CONSULTATIONS, case_id),
        referrals=await items.every(session, REFERRALS, case_id),
        volunteer_assignments=await items.every(session, ASSIGNMENTS, case_id),
        access_log=[_entry(r) for r in access],
    )


async def erase(session: AsyncSession, who: Principal, case_id: uuid.UUID) -> ErasureRead:
    """Removes the person's data and every free text of the case; anonymous counts stay.

    Repeating it is harmless."""
    await lock_case(session, who, case_id)
    await repo.scrub(session, [case_id], identity=True)
    erased_at = await repo.mark_erased(session, [case_id], today())
    assert erased_at is not None  # noqa: S101 - the case is locked by this very transaction
    await announce(session, who, "case.erased", case_id)
    return ErasureRead(case_id=case_id, erased_at=erased_at, removed=REMOVED, kept=KEPT)


async def anonymize_closed(
    session: AsyncSession, retention_days: int, *, batch: int = 1000
) -> list[uuid.UUID]:
    """Anonymizes up to `batch` cases closed more than `retention_days` ago (set-based)."""
    cutoff = today() - dt.timedelta(days=retention_days)
    ids = await repo.anonymizable(session, cutoff, batch)
    if not ids:
        return []
    orgs = await repo.owners(session, ids)
    await repo.scrub(session, ids, identity=True)
    await repo.mark_erased(session, ids, today())
    details = {"retention_days": retention_days}
    audits = [audit_row("cli:anonymize", "case.anonymized", "case", i, details) for i in ids]
    await record_audit_many(session, audits)
    await emit_many(
        session,
        [event_row("case.anonymized", "case", i, [orgs[i]], {"case_id": str(i)}) for i in ids],
    )
    return ids
