"""Parsing the planning-frame CSV into rows or per-row errors (no database access)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.funding.errors import UnreadableCsv
from services.funding.frames.schemas import FrameRowError
from services.funding.money import MONEY_PATTERN

COLUMNS = ("ags", "name", "amount", "status", "reference_date")
MAX_ROWS = 20_000
_AGS = re.compile(r"^08[0-9]{6}$")
_MONEY = re.compile(MONEY_PATTERN)


@dataclass(frozen=True)
class FrameRow:
    line: int
    ags: str
    name: str
    amount: Decimal
    status: str
    reference_date: date


def _check(line: int, raw: dict[str, str], errors: list[FrameRowError]) -> FrameRow | None:
    before = len(errors)
    ags = raw["ags"].strip()
    name = raw["name"].strip()
    amount = raw["amount"].strip()
    status = raw["status"].strip()
    ref = raw["reference_date"].strip()
    if not _AGS.fullmatch(ags):
        errors.append(
            FrameRowError(
                row=line, field="ags", message="an 8-digit AGS of Baden-Württemberg (08…)"
            )
        )
    if not 1 <= len(name) <= 200:
        errors.append(FrameRowError(row=line, field="name", message="1 to 200 characters"))
    if not _MONEY.fullmatch(amount):
        errors.append(
            FrameRowError(
                row=line, field="amount", message='EUR with two decimal places, e.g. "271248.00"'
            )
        )
    if status not in ("preliminary", "final"):
        errors.append(FrameRowError(row=line, field="status", message="`preliminary` or `final`"))
    parsed_ref: date | None = None
    try:
        parsed_ref = date.fromisoformat(ref)
    except ValueError:
        errors.append(
            FrameRowError(row=line, field="reference_date", message="an ISO date, e.g. 2017-09-15")
        )
    if len(errors) > before or parsed_ref is None:
        return None
    return FrameRow(line, ags, name, Decimal(amount), status, parsed_ref)


def parse_frames_csv(body: bytes) -> tuple[list[FrameRow], list[FrameRowError]]:
    """Rows of a CSV with the header `ags,name,amount,status,reference_date` (`,` or `;`)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableCsv("The file is not UTF-8 text") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if tuple(header) != COLUMNS:
        raise UnreadableCsv(
            f"The header must be: {','.join(COLUMNS)}", expected_columns=list(COLUMNS)
        )
    reader.fieldnames = header
    rows: list[FrameRow] = []
    errors: list[FrameRowError] = []
    seen: dict[str, int] = {}
    try:
        for raw in reader:
            line = reader.line_num
            if len(rows) + len(errors) >= MAX_ROWS:
                raise UnreadableCsv(f"At most {MAX_ROWS} rows per import")
            if None in raw or any(v is None for v in raw.values()):
                errors.append(FrameRowError(row=line, message=f"expected {len(COLUMNS)} columns"))
                continue
            row = _check(line, raw, errors)
            if row is None:
                continue
            if row.ags in seen:
                errors.append(
                    FrameRowError(row=line, field="ags", message=f"repeats line {seen[row.ags]}")
                )
                continue
            seen[row.ags] = line
            rows.append(row)
    except csv.Error as exc:
        raise UnreadableCsv(f"The CSV is malformed: {exc}") from exc
    if not rows and not errors:
        raise UnreadableCsv("The file has no rows")
    return rows, errors
