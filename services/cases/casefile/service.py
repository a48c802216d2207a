"""Use cases of the case file: open, change, close, consent, person data."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as repo
from services.cases.casefile.schemas import (
    CaseCreate,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    Consent,
    Person,
)
from services.cases.errors import CaseErased, CaseNotFound, ConsentRequired, InvalidTransition
from services.cases.privacy import repository as privacy_repo
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.outbox import emit


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def event_payload(row: Row[Any]) -> dict[str, Any]:
    """What events say about a case: ids, area and state, never personal data."""
    return {
        "case_id": str(row.id),
        "reference": row.reference,
        "municipality_ags": row.municipality_ags,
        "status": row.status,
        "closing_reason": row.closing_reason,
        "version": row.version,
    }


def summary(row: Any) -> CaseSummary:
    return CaseSummary.model_validate(row, from_attributes=True)


def consent_active(row: Row[Any]) -> bool:
    return (
        row.consent_given_on is not None
        and row.consent_withdrawn_on is None
        and row.erased_at is None
    )


_SUMMARY_FIELDS = tuple(CaseSummary.model_fields)
_PERSON_FIELDS = tuple(c.name for c in repo.PERSON_COLUMNS)


def full(row: Any, person: Any | None) -> CaseRead:
    """`row`: anything with the case's columns as attributes (a Row, a record namespace).

    Built in one validation from plain values: this runs on every read of a case."""
    data = {name: getattr(row, name) for name in _SUMMARY_FIELDS}
    data["consent"] = (
        None
        if row.consent_given_on is None
        else {
            "given_on": row.consent_given_on,
            "scope": row.consent_scope or [],
            "means": row.consent_means,
            "withdrawn_on": row.consent_withdrawn_on,
            "active": row.consent_withdrawn_on is None,
        }
    )
    data["person"] = None if person is None else {f: getattr(person, f) for f in _PERSON_FIELDS}
    data["erased"] = row.erased_at is not None
    return CaseRead.model_validate(data)


async def open_case(session: AsyncSession, who: Principal, body: CaseCreate) -> Any:
    """Creates a case owned by the caller's organization with the next reference number;
    its audit entry and `case.opened` event are written by the same statement."""
    values = {
        "municipality_ags": body.municipality_ags,
        "external_id": body.external_id,
        "pseudonym": body.pseudonym,
        "assigned_worker": body.assigned_worker or who.subject,
        "opened_on": body.opened_on or today(),
    }
    return SimpleNamespace(**await repo.open_case(session, who, values))


async def read_case(session: AsyncSession, who: Principal, case_id: uuid.UUID) -> CaseRead:
    """The case with person data; the access-log row is written by the same statement."""
    found = await repo.get_with_person_logged(session, case_id, who)
    if found is None:
        raise CaseNotFound()
    row = SimpleNamespace(**found)
    return full(row, row if row.has_person is not None else None)


async def _locked(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None
) -> Row[Any]:
    row = await repo.get_for_update(session, case_id, who.org)
    if row is None:
        raise CaseNotFound()
    check_if_match(if_match, row.version)
    return row


def _transition(row: Row[Any], body: CaseUpdate, changes: dict[str, Any]) -> str:
    """Validates the status change in `changes`; returns the event type."""
    status = changes.get("status", row.status)
    if status == "closed":
        reason = changes.get("closing_reason", row.closing_reason)
        if reason is None:
            raise InvalidTransition("Closing a case needs a closing_reason")
        changes.setdefault("closed_on", row.closed_on or today())
        if changes["closed_on"] < row.opened_on:
            raise InvalidTransition("closed_on cannot be before opened_on")
        return "case.closed" if row.status != "closed" else "case.updated"
    if body.closing_reason is not None or body.closed_on is not None:
        raise InvalidTransition("closing_reason and closed_on belong to closed cases")
    changes["closing_reason"] = None
    changes["closed_on"] = None
    if row.status == "closed":
        return "case.reopened"
    return "case.paused" if status == "paused" and row.status != "paused" else "case.updated"


async def change_case(
    session: AsyncSession,
    who: Principal,
    case_id: uuid.UUID,
    if_match: str | None,
    body: CaseUpdate,
) -> Row[Any]:
    """Applies a partial update under If-Match; closing, pausing, reopening are status changes."""
    row = await _locked(session, who, case_id, if_match)
    changes = body.model_dump(exclude_unset=True)
    if row.erased_at is not None and ({"pseudonym", "external_id"} & changes.keys()):
        raise CaseErased("An erased case cannot get a pseudonym or external_id again")
    for required in ("pseudonym", "municipality_ags", "assigned_worker", "status"):
        if required in changes and changes[required] is None:
            raise InvalidTransition(f"{required} cannot be null")
    event = _transition(row, body, changes)
    updated = await repo.update_case(session, case_id, who.org, changes)
    await record_audit(
        session, who, event, "case", case_id, {"fields": sorted(body.model_fields_set)}
    )
    await emit(session, event, "case", case_id, [who.org], event_payload(updated))
    return updated


async def record_consent(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None, body: Consent
) -> Row[Any]:
    row = await _locked(session, who, case_id, if_match)
    if row.erased_at is not None:
        raise CaseErased("The personal data of this case were erased; open a new case")
    updated = await repo.update_case(
        session,
        case_id,
        who.org,
        {
            "consent_given_on": body.given_on,
            "consent_scope": list(body.scope),
            "consent_means": body.means,
            "consent_withdrawn_on": None,
        },
    )
    await record_audit(
        session, who, "consent.recorded", "case", case_id, body.model_dump(mode="json")
    )
    await emit(
        session,
        "consent.recorded",
        "case",
        case_id,
        [who.org],
        {"case_id": str(case_id), "scope": body.scope},
    )
    return updated


async def withdraw_consent(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None
) -> Row[Any]:
    """Ends consent: person data and free text go; the case and its statistics stay."""
    row = await _locked(session, who, case_id, if_match)
    if not consent_active(row):
        raise InvalidTransition("There is no active consent to withdraw")
    await privacy_repo.remove_personal_data(session, [case_id])
    updated = await repo.update_case(session, case_id, who.org, {"consent_withdrawn_on": today()})
    await record_audit(session, who, "consent.withdrawn", "case", case_id)
    await emit(session, "consent.withdrawn", "case", case_id, [who.org], {"case_id": str(case_id)})
    return updated


async def put_person(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None, body: Person
) -> tuple[Row[Any], Row[Any]]:
    """Replaces the person's data (all fields); needs active consent."""
    row = await _locked(session, who, case_id, if_match)
    if not consent_active(row):
        raise ConsentRequired("Record the person's consent before storing personal data")
    person = await repo.upsert_person(session, case_id, body.model_dump())
    updated = await repo.update_case(session, case_id, who.org, {})
    fields = sorted(k for k, v in body.model_dump().items() if v is not None)
    await record_audit(session, who, "person.updated", "case", case_id, {"fields": fields})
    await emit(session, "person.updated", "case", case_id, [who.org], {"case_id": str(case_id)})
    return updated, person
