"""Per-line errors of an import and the rule that decides whether it may commit.

Every import validates all its lines first, collecting errors here, then calls `settle`:
with mode `all-or-nothing` any error refuses the file (422 `import-refused`, the handler does
not commit, so nothing is written); with `valid-rows` the valid lines are kept and the errors
reported in the 200, unless no line was valid at all (then it is refused the same way).
"""

from __future__ import annotations

from typing import Any, TypedDict

from pydantic import BaseModel, Field

from services.common.import_lines import (
    DEFAULT_MODE,
    ImportMode,
    ImportSummary,
    LineError,
    LineErrorCode,
)
from services.common.imports.errors import ImportRefused
from services.common.problem_types import texts
from services.common.schema_examples import with_examples

MAX_LISTED_LINE_ERRORS = 1000  # a 10,000-line file of garbage still gets a small answer

REPORT_EXAMPLE: dict[str, Any] = {
    "mode": "valid-rows",
    "summary": {"created": 2, "updated": 1, "unchanged": 0, "failed": 1},
    "line_errors": [
        {
            "line": 4,
            "field": "amount",
            "code": "invalid",
            "message": 'EUR with at most two decimal places, e.g. "271.248,00" or "271248.00"',
        }
    ],
    "line_errors_truncated": False,
}


class ImportReport(BaseModel):
    """What an import committed: counts per outcome and every line that was refused."""

    model_config = with_examples(REPORT_EXAMPLE)

    mode: ImportMode = Field(description="The commit mode the import ran with")
    summary: ImportSummary
    line_errors: list[LineError] = Field(
        description=f"Refused lines in file order (at most {MAX_LISTED_LINE_ERRORS} listed); "
        "empty when every line was taken"
    )
    line_errors_truncated: bool = Field(
        description="True when `line_errors` lists only the first errors; `summary.failed` "
        "counts every refused line"
    )


class Settled(TypedDict):
    """The members every import report has (`ImportReport(**settled, ...)`)."""

    mode: ImportMode
    summary: ImportSummary
    line_errors: list[LineError]
    line_errors_truncated: bool


class LineErrors:
    """The errors of one import, in file order once `settle` sorts them."""

    def __init__(self) -> None:
        self.items: list[LineError] = []
        self.lines: set[int] = set()

    def add(
        self, line: int, message: str, *, field: str | None = None, code: LineErrorCode = "invalid"
    ) -> None:
        self.items.append(LineError(line=line, field=field, code=code, message=message[:300]))
        self.lines.add(line)

    def __contains__(self, line: int) -> bool:
        return line in self.lines

    def listed(self) -> tuple[list[LineError], bool]:
        ordered = sorted(self.items, key=lambda e: e.line)
        return ordered[:MAX_LISTED_LINE_ERRORS], len(ordered) > MAX_LISTED_LINE_ERRORS


def settle(
    mode: ImportMode, errors: LineErrors, *, created: int, updated: int, unchanged: int
) -> Settled:
    """The report's common members; ImportRefused when the import must not commit."""
    summary = ImportSummary(
        created=created, updated=updated, unchanged=unchanged, failed=len(errors.lines)
    )
    listed, truncated = errors.listed()
    taken = created + updated + unchanged
    if errors.lines and (mode == "all-or-nothing" or taken == 0):
        all_or_nothing = mode == "all-or-nothing"
        why = "the mode is all-or-nothing" if all_or_nothing else "no line was valid"
        warum = "der Modus ist all-or-nothing" if all_or_nothing else "keine Zeile war gültig"
        raise ImportRefused(
            texts(
                f"{summary.failed} line(s) have errors and {why}: nothing was imported",
                f"{summary.failed} Zeile(n) fehlerhaft und {warum}: nichts wurde importiert",
            ),
            mode=mode,
            summary=summary.model_dump(),
            line_errors=[e.model_dump() for e in listed],
            line_errors_truncated=truncated,
        )
    return Settled(mode=mode, summary=summary, line_errors=listed, line_errors_truncated=truncated)


__all__ = ["DEFAULT_MODE", "ImportReport", "LineErrors", "Settled", "settle"]
