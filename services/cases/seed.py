"""Demo cases for Stadt Göppingen's demo case worker (`pakt seed`; idempotent)."""

from __future__ import annotations

import datetime as dt

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.casefile import service as cases
from services.cases.casefile.schemas import CaseCreate, Consent, Person
from services.cases.contacts import service as contacts
from services.cases.contacts.schemas import ConsultationCreate, ReferralCreate
from services.cases.plans import service as plans
from services.cases.plans.schemas import Goal, PlanVersionCreate
from services.cases.settings import CasesSettings
from services.common.auth import Principal
from services.common.db import script_session
from services.common.orgs import org_id_for_ags, user_id_for_username

GOEPPINGEN_AGS = "08117019"
GOEPPINGEN = org_id_for_ags(GOEPPINGEN_AGS)
CASE_WORKER = user_id_for_username("cw.goeppingen")
"""The demo case worker's subject, if auth seeds users with deterministic ids (else reassign)."""

DEMO = [
    ("DEMO-001", "GP-Falke", dt.date(2026, 2, 2), True),
    ("DEMO-002", "GP-Reiher", dt.date(2026, 4, 13), True),
    ("DEMO-003", "GP-Milan", dt.date(2026, 9, 1), False),
]


def demo_principal() -> Principal:
    return Principal(
        subject=CASE_WORKER,
        org=GOEPPINGEN,
        org_kind="municipality",
        org_path=("08", "081", "08117", GOEPPINGEN_AGS),
        roles=frozenset({"case_worker"}),
        scopes=frozenset(),
        token_id="",
        expires_at=0,
    )


async def _seed_case(
    session: AsyncSession,
    who: Principal,
    external_id: str,
    pseudonym: str,
    opened: dt.date,
    full: bool,
) -> None:
    body = CaseCreate(
        pseudonym=pseudonym,
        municipality_ags=GOEPPINGEN_AGS,
        opened_on=opened,
        external_id=external_id,
    )
    row = await cases.open_case(session, who, body)
    if not full:
        return
    consent = Consent(
        given_on=opened, scope=["personal_data", "plan", "referrals"], means="written"
    )
    row = await cases.record_consent(session, who, row.id, "*", consent)
    person = Person(
        birth_year=1990,
        country_of_origin="SY",
        languages=["ar", "de"],
        household_size=3,
        recognition_pending=True,
    )
    await cases.put_person(session, who, row.id, "*", person)
    goals = [
        Goal(field="language", description="B1 German", status="in_progress"),
        Goal(field="work", status="open"),
    ]
    plan = PlanVersionCreate(
        next_review_on=opened + dt.timedelta(days=90), goals=goals, change_note="Initial plan"
    )
    await plans.write_version(session, who, row.id, None, plan)
    for week in range(3):
        visit = ConsultationCreate(
            held_on=opened + dt.timedelta(weeks=week),
            duration_minutes=45,
            mode="office",
            fields=["language"],
        )
        await contacts.log_consultation(session, who, row.id, visit)
    referral = ReferralCreate(
        agency="language_course_provider", field="language", referred_on=opened
    )
    await contacts.send_referral(session, who, row.id, referral)


async def seed(database_url: str) -> list[str]:
    """Creates the demo cases that do not exist yet; returns lines to print."""
    url = CasesSettings(database_url=database_url).async_database_url
    who = demo_principal()
    made = 0
    async with script_session(url, app_name="pakt-cases-seed") as session:
        existing = await case_repo.external_ids(session, GOEPPINGEN)
        for external_id, pseudonym, opened, full in DEMO:
            if external_id not in existing:
                await _seed_case(session, who, external_id, pseudonym, opened, full)
                made += 1
        await session.commit()
    return [
        f"cases: {made} demo case(s) created for Stadt Göppingen ({len(DEMO) - made} already there)"
    ]
