"""Request and response bodies of cases, their person and consent."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from services.cases.vocab import (
    AGS,
    CaseStatus,
    ClosingReason,
    ConsentMeans,
    ConsentScope,
    Day,
    Field_,
    LongText,
    ShortText,
    Subject,
)
from services.common.schema_examples import with_examples

ExternalId = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=r"^[\x21-\x7e]+$")
]
Pseudonym = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"\S")]
OrgId = Annotated[
    str,
    StringConstraints(
        pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    ),
]
_COMMISSIONED_BY = (
    "A charity delivering for a municipality (or district): the commissioning organization's "
    "id in the directory; the case then counts for it (key figures `commissioned_by`, proofs "
    "of use)"
)
_GRANT = "The funding application (grant) the counselling is delivered under, if known"


class CaseCreate(BaseModel):
    """Opens a case. Personal data come later, and only after consent is recorded."""

    model_config = with_examples(
        {
            "pseudonym": "GP-Falke",
            "municipality_ags": "08117019",
            "opened_on": "2026-03-02",
            "external_id": "KM-2026-0815",
        },
        forbid_extra=True,
    )

    pseudonym: Pseudonym = Field(
        description="A label that does not identify the person (always stored)",
        examples=["Familie A. (Syrien, 2025)"],
    )
    municipality_ags: AGS = Field(description="AGS of the municipality of residence")
    opened_on: Day | None = Field(None, description="Start of the counselling; today when omitted")
    external_id: ExternalId | None = Field(
        None, description="Your system's id; unique per organization"
    )
    assigned_worker: Subject | None = Field(
        None, description="Subject of the case worker; the caller when omitted"
    )
    commissioned_by: OrgId | None = Field(None, description=_COMMISSIONED_BY)
    grant_id: uuid.UUID | None = Field(None, description=_GRANT)


class CaseUpdate(BaseModel):
    """Changes a case (send If-Match). Closing needs `closing_reason`; reopening clears it."""

    model_config = with_examples(
        {"status": "closed", "closing_reason": "independent", "closed_on": "2026-11-20"},
        forbid_extra=True,
    )

    pseudonym: Pseudonym | None = None
    municipality_ags: AGS | None = None
    external_id: ExternalId | None = None
    assigned_worker: Subject | None = None
    status: CaseStatus | None = None
    closing_reason: ClosingReason | None = None
    closed_on: Day | None = None
    commissioned_by: OrgId | None = Field(None, description=_COMMISSIONED_BY)
    grant_id: uuid.UUID | None = Field(None, description=_GRANT)


class Consent(BaseModel):
    """The person's consent: the legal basis for storing personal data."""

    model_config = with_examples(
        {"given_on": "2026-03-02", "scope": ["personal_data", "plan"], "means": "written"},
        forbid_extra=True,
    )

    given_on: Day
    scope: Annotated[list[ConsentScope], Field(min_length=1, max_length=4)]
    means: ConsentMeans


class ConsentRead(Consent):
    model_config = with_examples(
        {
            "given_on": "2026-03-02",
            "scope": ["personal_data", "plan"],
            "means": "written",
            "withdrawn_on": None,
            "active": True,
        }
    )

    withdrawn_on: dt.date | None = None
    active: bool


class Person(BaseModel):
    """Personal data given voluntarily; stored only while consent is recorded."""

    model_config = with_examples(
        {
            "name": "Amina Yusuf",
            "birth_year": 1991,
            "gender": "female",
            "country_of_origin": "SY",
            "languages": ["ar", "de"],
            "residence_status": "Aufenthaltserlaubnis § 25 Abs. 2 AufenthG",
            "household_size": 4,
            "schooling": "12 years, Abitur equivalent",
            "vocational_training": "none",
            "degree": "B.Sc. Pharmacy (Damascus)",
            "qualifications": "pharmacist",
            "competencies": "Arabic, English, basic German (A2)",
            "recognition_pending": True,
        },
        forbid_extra=True,
    )

    name: ShortText | None = None
    birth_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    gender: Annotated[str, StringConstraints(max_length=50)] | None = None
    country_of_origin: Annotated[str, StringConstraints(max_length=100)] | None = None
    languages: (
        Annotated[
            list[Annotated[str, StringConstraints(min_length=1, max_length=50)]],
            Field(max_length=20),
        ]
        | None
    ) = None
    residence_status: ShortText | None = None
    household_size: Annotated[int, Field(ge=1, le=50)] | None = None
    schooling: ShortText | None = None
    vocational_training: ShortText | None = None
    degree: ShortText | None = None
    qualifications: LongText | None = None
    competencies: LongText | None = None
    recognition_pending: bool | None = None


class CaseSummary(BaseModel):
    """A case in a list: no personal data."""

    id: uuid.UUID
    reference: str = Field(
        description="Human-readable number, unique per organization and year",
        examples=["2026-00017"],
    )
    external_id: str | None
    pseudonym: str
    org_id: str
    municipality_ags: str
    assigned_worker: str
    status: CaseStatus
    closing_reason: ClosingReason | None
    opened_on: dt.date
    closed_on: dt.date | None
    next_review_on: dt.date | None = Field(
        description="Next plan review, from the latest plan version"
    )
    commissioned_by: str | None = Field(None, description=_COMMISSIONED_BY)
    grant_id: uuid.UUID | None = Field(None, description=_GRANT)
    updated_at: dt.datetime
    version: int


class CaseRead(CaseSummary):
    """A case with its consent and, while consent is active, the person's data (read is logged)."""

    consent: ConsentRead | None
    person: Person | None
    erased: bool


class WorklistItem(CaseSummary):
    review_state: Literal["overdue", "due_soon", "scheduled", "none"] = Field(
        description="`overdue` (review date passed), `due_soon`, `scheduled`, "
        "or `none` (no plan yet)",
        examples=["overdue"],
    )


@dataclass(frozen=True)
class CaseFilters:
    """Filters of the case list; they combine with AND (None: no filter)."""

    status: CaseStatus | None = None
    assigned_worker: str | None = None
    municipality: str | None = None
    review_due_before: dt.date | None = None
    field: Field_ | None = None
    updated_since: str | None = None
