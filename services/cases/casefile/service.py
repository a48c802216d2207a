"""Use cases of the case file: open, find, read (logged), change, consent, person data."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as repo
from services.cases.casefile.schemas import (
    CaseCreate,
    CaseFilters,
    CaseRead,
    CaseSummary,
    CaseUpdate,
    Consent,
    Person,
    WorklistItem,
)
from services.cases.errors import (
    BadQuery,
    CaseErased,
    CaseNotFound,
    ConsentRequired,
    InvalidTransition,
)
from services.cases.vocab import AccessAction
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.keyset import BY_CREATED, created_key
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def event_payload(row: Any) -> dict[str, Any]:
    """What events say about a case: ids, area and state, never personal data."""
    return {"case_id": str(row.id), **{name: getattr(row, name) for name in repo.EVENT_FIELDS}}


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


async def announce(
    session: AsyncSession,
    who: Principal,
    event: str,
    case_id: uuid.UUID,
    *,
    details: dict[str, Any] | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Writes the audit entry and the event of a change to a case (by default the event says
    only which case)."""
    await record_audit(session, who, event, "case", case_id, details)
    event_data = {"case_id": str(case_id)} if payload is None else payload
    await emit(session, event, "case", case_id, [who.org], event_data)


async def open_case(
    session: AsyncSession | async_sessionmaker[AsyncSession], who: Principal, body: CaseCreate
) -> CaseRead:
    """Creates a case owned by the caller's organization with the next reference number;
    its audit entry and `case.opened` event are written by the same statement (alone in the
    request when given the sessionmaker)."""
    values = {
        "municipality_ags": body.municipality_ags,
        "external_id": body.external_id,
        "pseudonym": body.pseudonym,
        "assigned_worker": body.assigned_worker or who.subject,
        "opened_on": body.opened_on or today(),
        "commissioned_by": body.commissioned_by,
        "grant_id": body.grant_id,
    }
    return full(SimpleNamespace(**await repo.open_case(session, who, values)), None)


async def get_case(session: AsyncSession, who: Principal, case_id: uuid.UUID) -> CaseSummary:
    """The case, if the caller's organization owns it (404 otherwise, so ids cannot be probed)."""
    row = await repo.get(session, case_id, who.org)
    if row is None:
        raise CaseNotFound()
    return summary(row)


async def read_personal(
    session: AsyncSession | async_sessionmaker[AsyncSession],
    who: Principal,
    case_id: uuid.UUID,
    action: AccessAction,
) -> CaseRead:
    """The one way personal data of a case are reached: every read of them goes through here.

    Finds the caller's case (404 otherwise) with its consent and person and writes the
    access-log row of the read (`action`: what is read) in one statement. Given the app's
    sessionmaker (the case GET: the request's only statement), it runs on a pooled connection
    and PostgreSQL commits it before it answers; given the request's session, it joins the
    request's transaction and the handler commits before personal data leave. Either way no
    data leave without their row. Call it after loading what else is read, so a 404 of that
    logs nothing.
    """
    found = await repo.read_logged(session, case_id, who, action)
    if found is None:
        raise CaseNotFound()
    row = SimpleNamespace(**found)
    return full(row, row if row.has_person is not None else None)


async def read_case(
    session: AsyncSession | async_sessionmaker[AsyncSession], who: Principal, case_id: uuid.UUID
) -> CaseRead:
    """The case with consent and person data; the read is logged (one statement)."""
    return await read_personal(session, who, case_id, "case")


async def lock_case(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None = "*"
) -> Row[Any]:
    """The caller's case, locked for a change (404 otherwise) and checked against If-Match
    (`*`, the default, for changes that do not carry the case's version)."""
    row = await repo.get(session, case_id, who.org, lock=True)
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
            raise InvalidTransition(
                texts(
                    "Closing a case needs a closing_reason",
                    "Zum Abschließen eines Falls ist ein closing_reason nötig",
                )
            )
        changes.setdefault("closed_on", row.closed_on or today())
        if changes["closed_on"] < row.opened_on:
            raise InvalidTransition(
                texts(
                    "closed_on cannot be before opened_on",
                    "closed_on darf nicht vor opened_on liegen",
                )
            )
        return "case.closed" if row.status != "closed" else "case.updated"
    if body.closing_reason is not None or body.closed_on is not None:
        raise InvalidTransition(
            texts(
                "closing_reason and closed_on belong to closed cases",
                "closing_reason und closed_on gehören zu abgeschlossenen Fällen",
            )
        )
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
) -> CaseRead:
    """Applies a partial update under If-Match; closing, pausing, reopening are status changes.

    Answers with the case as it is now (a logged read)."""
    row = await lock_case(session, who, case_id, if_match)
    changes = body.model_dump(exclude_unset=True)
    if row.erased_at is not None and ({"pseudonym", "external_id"} & changes.keys()):
        raise CaseErased(
            texts(
                "An erased case cannot get a pseudonym or external_id again",
                "Ein gelöschter Fall kann kein Pseudonym und keine external_id mehr bekommen",
            )
        )
    for required in ("pseudonym", "municipality_ags", "assigned_worker", "status"):
        if required in changes and changes[required] is None:
            raise InvalidTransition(
                texts(
                    f"{required} cannot be null",
                    f"{required} darf nicht null sein",
                )
            )
    event = _transition(row, body, changes)
    updated = await repo.update_case(session, case_id, who.org, changes)
    details = {"fields": sorted(body.model_fields_set)}
    await announce(session, who, event, case_id, details=details, payload=event_payload(updated))
    return await read_case(session, who, case_id)


async def record_consent(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None, body: Consent
) -> CaseRead:
    """Records (or renews) consent under If-Match; answers with the case (a logged read)."""
    row = await lock_case(session, who, case_id, if_match)
    if row.erased_at is not None:
        raise CaseErased(
            texts(
                "The personal data of this case were erased; open a new case",
                "Die personenbezogenen Daten dieses Falls wurden gelöscht; legen Sie einen neuen "
                "Fall an",
            )
        )
    consent = {
        "consent_given_on": body.given_on,
        "consent_scope": list(body.scope),
        "consent_means": body.means,
        "consent_withdrawn_on": None,
    }
    await repo.update_case(session, case_id, who.org, consent)
    details = body.model_dump(mode="json")
    payload = {"case_id": str(case_id), "scope": body.scope}
    await announce(session, who, "consent.recorded", case_id, details=details, payload=payload)
    return await read_case(session, who, case_id)


async def put_person(
    session: AsyncSession, who: Principal, case_id: uuid.UUID, if_match: str | None, body: Person
) -> CaseRead:
    """Replaces the person's data (all fields); needs active consent. Answers with the case
    (a logged read)."""
    row = await lock_case(session, who, case_id, if_match)
    if not consent_active(row):
        raise ConsentRequired(
            texts(
                "Record the person's consent before storing personal data",
                "Erfassen Sie die Einwilligung der Person, bevor Sie personenbezogene Daten "
                "speichern",
            )
        )
    await repo.upsert_person(session, case_id, body.model_dump())
    await repo.update_case(session, case_id, who.org, {})
    fields = sorted(k for k, v in body.model_dump().items() if v is not None)
    await announce(session, who, "person.updated", case_id, details={"fields": fields})
    return await read_case(session, who, case_id)


def _instant(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadQuery(
            texts(
                "updated_since is not a valid time",
                "updated_since ist kein gültiger Zeitpunkt",
            ),
            parameter="updated_since",
        ) from exc


async def list_cases(
    session: AsyncSession, who: Principal, page: PageParams, filters: CaseFilters
) -> Page[CaseSummary]:
    """The organization's cases, oldest first, without personal data (so not logged)."""
    since = _instant(filters.updated_since)
    after = cursor_after(page.cursor, *BY_CREATED)
    rows = await repo.list_page(session, who.org, filters, since, limit=page.limit, after=after)
    return make_page(rows, page.limit, key=created_key, to_item=summary)


def _review_state(next_review_on: dt.date | None, today: dt.date, soon_days: int) -> str:
    if next_review_on is None:
        return "none"
    if next_review_on < today:
        return "overdue"
    return "due_soon" if next_review_on <= today + dt.timedelta(days=soon_days) else "scheduled"


async def worklist(
    session: AsyncSession, who: Principal, page: PageParams, soon_days: int
) -> Page[WorklistItem]:
    """The caller's open cases, most urgent review first (reviews within `soon_days` are
    `due_soon`)."""
    after = cursor_after(page.cursor, dt.date.fromisoformat, uuid.UUID)
    rows = await repo.worklist(session, who.org, who.subject, limit=page.limit, after=after)
    now = today()

    def item(row: Any) -> WorklistItem:
        state = _review_state(row.next_review_on, now, soon_days)
        return WorklistItem(**summary(row).model_dump(), review_state=state)

    return make_page(
        rows, page.limit, key=lambda r: (r.review_key.isoformat(), str(r.id)), to_item=item
    )
