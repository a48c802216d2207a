"""The README's funding and cases walk-throughs, written with the generated Python client
(clients/python, `pakt_api_client`) as an integrator would: log in with the password grant,
then typed calls; the JSON bodies are the README's, read with the models' `from_dict`."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pakt_api_client import AuthenticatedClient, Client
from pakt_api_client.api.applications import create_application
from pakt_api_client.api.cases import open_case, put_person, read_case, record_consent
from pakt_api_client.api.consultations import log_consultation
from pakt_api_client.api.decision_notices import get_decision_notice, get_decision_notice_pdf
from pakt_api_client.api.key_figures import read_key_figures
from pakt_api_client.api.oauth import issue_token
from pakt_api_client.api.plans import write_plan_version
from pakt_api_client.api.programmes import list_programmes
from pakt_api_client.api.transitions import create_transition, list_transitions
from pakt_api_client.models import (
    ApplicationCreate,
    ApplicationRead,
    BodyIssueToken,
    BodyIssueTokenGrantType,
    CaseCreate,
    CaseRead,
    Consent,
    ConsultationCreate,
    ConsultationRead,
    DecisionNotice,
    KeyFigures,
    PageProgrammeRead,
    PageTransitionRead,
    Person,
    PlanVersionCreate,
    PlanVersionRead,
    TokenResponse,
    TransitionCreate,
    TransitionCreateAction,
    TransitionRead,
)
from pakt_api_client.types import File, Response

T = TypeVar("T")
TIMEOUT = httpx.Timeout(30)
PASSWORD = "pakt-demo-2026"  # every demo user's (docs/CONVENTIONS.md)
CARITAS = "410973e4-8966-5b1f-a66a-48a0c939afa7"  # org id of the demo charity (a provider)
GOEPPINGEN = "312e6a4b-2565-5313-9398-3d1bdea2531d"  # org id of Stadt Göppingen (AGS 08117019)


class WalkthroughFailed(AssertionError):
    """A step answered something else than the README says."""


def expect(response: Response[Any], status: int, kind: type[T]) -> T:
    """The parsed body of a step that must answer `status` with a `kind`."""
    if response.status_code != status or not isinstance(response.parsed, kind):
        raise WalkthroughFailed(
            f"expected {status} {kind.__name__}, got {response.status_code}: "
            f"{response.content.decode(errors='replace')[:500]}"
        )
    return response.parsed


def login(gateway: str, username: str) -> AuthenticatedClient:
    """The password grant through the generated client, no credentials needed to ask."""
    body = BodyIssueToken(
        grant_type=BodyIssueTokenGrantType.PASSWORD, username=username, password=PASSWORD
    )
    with Client(base_url=gateway, timeout=TIMEOUT) as anonymous:
        token = expect(issue_token.sync_detailed(client=anonymous, body=body), 200, TokenResponse)
    return AuthenticatedClient(base_url=gateway, token=token.access_token, timeout=TIMEOUT)


@dataclass
class FundingWalk:
    application: ApplicationRead
    transitions: list[TransitionRead]
    notice: DecisionNotice
    pdf: bytes


def funding(gateway: str) -> FundingWalk:
    """Draft, submit, forward, approve; then the history and the decision notice (JSON, PDF)."""
    with (
        login(gateway, "applicant.goeppingen") as applicant,
        login(gateway, "reviewer.goeppingen") as reviewer,
        login(gateway, "approver.stuttgart") as approver,
    ):
        return _funding(applicant, reviewer, approver)


def _funding(
    applicant: AuthenticatedClient, reviewer: AuthenticatedClient, approver: AuthenticatedClient
) -> FundingWalk:
    programmes = expect(list_programmes.sync_detailed(client=applicant), 200, PageProgrammeRead)
    draft = ApplicationCreate.from_dict(
        {
            "programme_id": str(programmes.items[0].id),
            "delivery_model": "provider",
            "providers": [CARITAS],
            "positions": [
                {"manager_name": "Aylin Demir", "qualification": "mid_level", "fte": "1.00",
                 "start_on": "2017-04-01", "months": 21},
                {"manager_name": "Jonas Keller", "qualification": "university", "fte": "0.50",
                 "start_on": "2017-07-01", "months": 18},
            ],
        }
    )  # fmt: skip
    created = create_application.sync_detailed(
        client=applicant, body=draft, idempotency_key=str(uuid.uuid4())
    )
    application = expect(created, 201, ApplicationRead)
    etag = created.headers["etag"]
    steps = (
        (applicant, TransitionCreate(action=TransitionCreateAction.SUBMIT)),
        (reviewer, TransitionCreate(action=TransitionCreateAction.FORWARD, comment="Befürwortet")),
        (approver, TransitionCreate(action=TransitionCreateAction.APPROVE)),
    )
    for client, body in steps:
        step = create_transition.sync_detailed(
            application.id, client=client, body=body, if_match=etag
        )
        expect(step, 201, TransitionRead)
        etag = step.headers["etag"]

    history = list_transitions.sync_detailed(application.id, client=reviewer)
    notice = get_decision_notice.sync_detailed(application.id, client=applicant)
    pdf = get_decision_notice_pdf.sync_detailed(application.id, client=applicant)
    return FundingWalk(
        application=application,
        transitions=expect(history, 200, PageTransitionRead).items,
        notice=expect(notice, 200, DecisionNotice),
        pdf=expect(pdf, 200, File).payload.read(),
    )


@dataclass
class CasesWalk:
    case: CaseRead
    plan: PlanVersionRead
    consultation: ConsultationRead
    figures: KeyFigures


def cases(gateway: str) -> CasesWalk:
    """Open a case, consent, the person, a plan, a consultation; the key figures."""
    with login(gateway, "cw.goeppingen") as worker:
        return _cases(worker)


def _cases(worker: AuthenticatedClient) -> CasesWalk:
    case_body = CaseCreate.from_dict(
        {"pseudonym": "GP-Falke", "municipality_ags": "08117019", "opened_on": "2026-03-02",
         "external_id": f"KM-{uuid.uuid4().hex[:8]}"}
    )  # fmt: skip
    opened = open_case.sync_detailed(
        client=worker, body=case_body, idempotency_key=str(uuid.uuid4())
    )
    case = expect(opened, 201, CaseRead)
    consent = Consent.from_dict(
        {"given_on": "2026-03-02", "scope": ["personal_data", "plan", "referrals"],
         "means": "written"}
    )  # fmt: skip
    consented = record_consent.sync_detailed(
        case.id, client=worker, body=consent, if_match=opened.headers["etag"]
    )
    expect(consented, 200, CaseRead)
    person = Person.from_dict(
        {"name": "Amina Yusuf", "birth_year": 1991, "country_of_origin": "SY",
         "languages": ["ar", "de"], "household_size": 4, "recognition_pending": True}
    )  # fmt: skip
    with_person = put_person.sync_detailed(
        case.id, client=worker, body=person, if_match=consented.headers["etag"]
    )
    expect(with_person, 200, CaseRead)
    plan = PlanVersionCreate.from_dict(
        {"change_note": "Initial plan", "next_review_on": "2026-06-01",
         "goals": [{"field": "language", "description": "B1 German", "status": "in_progress"},
                   {"field": "recognition",
                    "description": "Recognition of the pharmacy degree"}]}
    )  # fmt: skip
    consultation = ConsultationCreate.from_dict(
        {"held_on": "2026-03-09", "duration_minutes": 45, "mode": "office",
         "fields": ["language", "recognition"]}
    )  # fmt: skip
    return CasesWalk(
        case=expect(read_case.sync_detailed(case.id, client=worker), 200, CaseRead),
        plan=expect(
            write_plan_version.sync_detailed(case.id, client=worker, body=plan),
            201,
            PlanVersionRead,
        ),
        consultation=expect(
            log_consultation.sync_detailed(case.id, client=worker, body=consultation),
            201,
            ConsultationRead,
        ),
        figures=expect(
            read_key_figures.sync_detailed(
                client=worker,
                org=GOEPPINGEN,
                from_=datetime.date(2026, 1, 1),
                to=datetime.date(2026, 12, 31),
            ),
            200,
            KeyFigures,
        ),
    )
