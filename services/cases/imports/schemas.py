"""Bulk import of cases from municipal IT: JSON Lines or CSV, one case per line."""

from __future__ import annotations

import uuid
from typing import Literal, Self

from pydantic import BaseModel, Field, model_validator

from services.cases.casefile.schemas import ExternalId, Pseudonym
from services.cases.vocab import AGS, CaseStatus, ClosingReason, Day, Subject
from services.common.imports.outcome import ImportReport
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
    line: int = Field(description="1-based line number in the file (CSV: the header is line 1)")
    external_id: str | None
    outcome: Literal["created", "updated", "unchanged", "failed"] = Field(
        description="`failed`: the line is in `line_errors` and changed nothing"
    )
    case_id: uuid.UUID | None = None
    reference: str | None = None


class CaseImportReport(ImportReport):
    """What the import did, with one result per line in file order (the case each line
    created or matched); refused lines are in `line_errors`. Sending the same file again
    reports every line `unchanged`."""

    model_config = with_examples(
        {
            "mode": "valid-rows",
            "summary": {"created": 1, "updated": 0, "unchanged": 0, "failed": 1},
            "line_errors": [
                {
                    "line": 2,
                    "field": "opened_on",
                    "code": "invalid",
                    "message": "Input should be a valid date",
                }
            ],
            "line_errors_truncated": False,
            "results": [
                {
                    "line": 1,
                    "external_id": "KM-2025-0042",
                    "outcome": "created",
                    "case_id": "0b7d2f5e-3c1a-4e8b-9d6f-1a2b3c4d5e6f",
                    "reference": "GP-2025-00042",
                },
                {"line": 2, "external_id": "KM-2025-0043", "outcome": "failed"},
            ],
        }
    )

    results: list[LineResult]
