"""Reading the planning-frame CSV into rows and per-line errors (no database access)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.common.imports.csvfile import CsvRow, read_csv
from services.common.imports.german import parse_day, parse_money
from services.common.imports.outcome import LineErrors
from services.common.imports.text import decode_upload

COLUMNS = ("ags", "name", "amount", "status", "reference_date")
MAX_ROWS = 20_000
STATUSES = ("preliminary", "final")
_AGS = re.compile(r"^08[0-9]{6}$")


@dataclass(frozen=True)
class FrameRow:
    line: int
    ags: str
    name: str
    amount: Decimal
    status: str
    reference_date: date


def _check(row: CsvRow, errors: LineErrors) -> FrameRow | None:
    """The row as a frame when every value is right; an error per wrong value otherwise."""
    line, raw = row.line, row.values
    if raw is None:
        errors.add(line, f"expected {len(COLUMNS)} columns", code="malformed")
        return None
    if not _AGS.fullmatch(raw["ags"]):
        errors.add(line, "an 8-digit AGS of Baden-Württemberg (08…)", field="ags")
    if not 1 <= len(raw["name"]) <= 200:
        errors.add(line, "1 to 200 characters", field="name")
    amount = reference = None
    try:
        amount = parse_money(raw["amount"])
    except ValueError as exc:
        errors.add(line, str(exc), field="amount")
    if raw["status"] not in STATUSES:
        errors.add(line, "`preliminary` or `final`", field="status")
    try:
        reference = parse_day(raw["reference_date"])
    except ValueError as exc:
        errors.add(line, str(exc), field="reference_date")
    if line in errors or amount is None or reference is None:
        return None
    return FrameRow(line, raw["ags"], raw["name"], amount, raw["status"], reference)


def parse_frames_csv(data: bytes) -> tuple[list[FrameRow], LineErrors]:
    """The valid rows of the file and the errors of the others (a repeated AGS is an error of
    the later line); UnreadableFile / ImportTooLarge when the file as a whole is wrong."""
    errors = LineErrors()
    rows: list[FrameRow] = []
    seen: dict[str, int] = {}
    for raw in read_csv(decode_upload(data), COLUMNS, max_rows=MAX_ROWS):
        row = _check(raw, errors)
        if row is None:
            continue
        if row.ags in seen:
            errors.add(row.line, f"repeats line {seen[row.ags]}", field="ags", code="duplicate")
            continue
        seen[row.ags] = row.line
        rows.append(row)
    return rows, errors
