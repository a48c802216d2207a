"""The closed vocabularies of the domain (DOMAIN.md glossary), shared by every aggregate."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

Field_ = Literal[
    "language",
    "work",
    "recognition",
    "housing",
    "education",
    "residence",
    "health",
    "everyday_life",
]
CaseStatus = Literal["open", "paused", "closed"]
ClosingReason = Literal["independent", "moved", "left_programme", "other"]
GoalStatus = Literal["open", "in_progress", "achieved", "not_achieved", "dropped"]
ConsultationMode = Literal["office", "home_visit", "phone", "video"]
Agency = Literal[
    "job_centre",
    "employment_agency",
    "migration_counselling",
    "youth_migration_service",
    "language_course_provider",
    "recognition_counselling",
    "school",
    "other",
]
ReferralStatus = Literal["sent", "accepted", "completed", "declined"]
ConsentScope = Literal["personal_data", "plan", "referrals", "volunteers"]
ConsentMeans = Literal["written", "electronic", "oral_documented"]
AccessAction = Literal[
    "case", "plan", "consultations", "referrals", "volunteer_assignments", "export"
]
"""What a read of a case's personal data read (the `action` of its access-log row)."""

AGS = Annotated[str, StringConstraints(pattern=r"^08[0-9]{6}$")]
"""An 8-digit official municipality key in Baden-Württemberg (starts with 08)."""

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"\S")]
"""Up to 200 characters, not blank."""
LongText = Annotated[str, StringConstraints(max_length=5000)]
Subject = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Fields = Annotated[list[Field_], Field(max_length=8)]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day_only(value: object) -> object:
    """Dates come as `YYYY-MM-DD` text (or date objects in code), never as numbers."""
    if isinstance(value, str) and _ISO_DAY.match(value):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


Day = Annotated[
    dt.date,
    BeforeValidator(_iso_day_only),
    Field(description="A calendar day (ISO 8601)", examples=["2026-03-02"]),
]
"""Any valid date: PostgreSQL's date range is wider than Python's, so none can overflow."""
