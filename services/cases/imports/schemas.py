"""Bulk import of cases from municipal IT: one JSON object per line."""

from __future__ import annotations

import uuid
from typing import Literal, Self

from pydantic import BaseModel, Field, model_validator

from services.cases.casefile.schemas import ExternalId, Pseudonym
from services.cases.vocab import AGS, CaseStatus, ClosingReason, Day, Subject
from services.common.schema_examples import with_examples

MAX_LINES = 10_000
MAX_LINE_BYTES = 4096


class ImportLine(BaseModel):
    """One case as municipal IT knows it; matched by `external_id` (created or updated)."""

    model_config = with_examples(
        {
            "external_id": "KM-2025-0042",
            "pseudonym": "GP-Reiher",
            "municipality_ags": "08117019",
            "opened_on": "2025-05-12",
            "status": "open",
        },
        forbid_extra=True,
    )

    external_id: ExternalId
    pseudonym: Pseudonym
    municipality_ags: AGS
    opened_on: Day
    status: CaseStatus = "open"
    closing_reason: ClosingReason | None = None
    closed_on: Day | None = None
    assigned_worker: Subject | None = Field(None, description="The importing caller when omitted")

    @model_validator(mode="after")
    def closing_fits_status(self) -> Self:
        if self.status == "closed":
            if self.closing_reason is None or self.closed_on is None:
                raise ValueError("a closed case needs closing_reason and closed_on")
            if self.closed_on < self.opened_on:
                raise ValueError("closed_on cannot be before opened_on")
        elif self.closing_reason is not None or self.closed_on is not None:
            raise ValueError("closing_reason and closed_on belong to closed cases")
        return self


class LineResult(BaseModel):
    line: int = Field(description="1-based line number in the request body")
    external_id: str | None
    outcome: Literal["created", "updated", "unchanged", "failed"]
    case_id: uuid.UUID | None = None
    reference: str | None = None
    errors: list[str] = Field(
        default_factory=list, description="Why the line failed; nothing was changed for it"
    )


class ImportSummary(BaseModel):
    created: int
    updated: int
    unchanged: int
    failed: int


class ImportResult(BaseModel):
    """Per-line results in input order. Lines are independent: a failed line changes nothing,
    the others are applied. Sending the same file again reports every line `unchanged`."""

    summary: ImportSummary
    results: list[LineResult]
