"""Reading a case import file into checked lines: JSON Lines, or CSV as spreadsheets save it.

A file whose first character is `{` is JSON Lines (one object per line); anything else is
CSV with a header naming the ImportLine members (dates also as `15.09.2017`). Each line is
checked on its own; errors go to the import's `LineErrors` in the common shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from services.cases.imports.schemas import MAX_LINE_BYTES, MAX_LINES, ImportLine, LineResult
from services.common.imports.csvfile import read_csv
from services.common.imports.errors import ImportTooLarge, UnreadableFile
from services.common.imports.german import parse_day
from services.common.imports.outcome import LineErrors
from services.common.imports.text import decode_upload
from services.common.problem_types import texts

CSV_COLUMNS = ("external_id", "pseudonym", "municipality_ags", "opened_on")
CSV_OPTIONAL = ("status", "closing_reason", "closed_on", "assigned_worker")
DATE_COLUMNS = ("opened_on", "closed_on")
Raw = tuple[int, dict[str, Any] | None]


@dataclass
class ReadFile:
    """Per-line results in file order, the valid lines by their index there, the errors."""

    results: list[LineResult]
    valid: dict[int, ImportLine]
    errors: LineErrors


def _json_lines(text: str, errors: LineErrors) -> list[Raw]:
    numbered = [(n, raw) for n, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    if len(numbered) > MAX_LINES:
        raise ImportTooLarge(
            texts(
                f"Send at most {MAX_LINES} lines per import",
                f"Senden Sie höchstens {MAX_LINES} Zeilen pro Import",
            )
        )
    out: list[Raw] = []
    for number, raw in numbered:
        value: Any = None
        if len(raw.encode()) > MAX_LINE_BYTES:
            errors.add(number, f"longer than {MAX_LINE_BYTES} bytes", code="malformed")
        else:
            try:
                value = json.loads(raw)
            except ValueError:
                value = None
            if not isinstance(value, dict):
                errors.add(number, "not a JSON object", code="malformed")
        out.append((number, value if isinstance(value, dict) else None))
    return out


def _csv_lines(text: str, errors: LineErrors) -> list[Raw]:
    out: list[Raw] = []
    for row in read_csv(text, CSV_COLUMNS, CSV_OPTIONAL, max_rows=MAX_LINES):
        if row.values is None:
            errors.add(row.line, "another number of columns than the header", code="malformed")
            out.append((row.line, None))
            continue
        values: dict[str, Any] = {k: v for k, v in row.values.items() if v}
        for column in DATE_COLUMNS:
            if column in values:
                try:
                    values[column] = parse_day(values[column])
                except ValueError as exc:
                    errors.add(row.line, str(exc), field=column)
        out.append((row.line, None if row.line in errors else values))
    return out


def _validated(line: int, value: dict[str, Any], errors: LineErrors) -> ImportLine | None:
    try:
        return ImportLine.model_validate(value)
    except ValidationError as exc:
        for error in exc.errors()[:10]:
            field = str(error["loc"][0]) if error["loc"] else None
            message = "not a member of a case line" if error["type"] == "extra_forbidden" else None
            errors.add(line, message or str(error["msg"]), field=field)
        return None


def read_case_file(data: bytes) -> ReadFile:
    """Every line checked; a repeated external_id is an error of the later line."""
    text = decode_upload(data)
    errors = LineErrors()
    is_json = text.lstrip().startswith("{")
    raw_lines = _json_lines(text, errors) if is_json else _csv_lines(text, errors)
    if not raw_lines:
        raise UnreadableFile(
            texts(
                "The file has no lines",
                "Die Datei hat keine Zeilen",
            )
        )
    read = ReadFile([], {}, errors)
    seen: dict[str, int] = {}
    for number, value in raw_lines:
        result = LineResult(line=number, external_id=None, outcome="failed")
        read.results.append(result)
        item = _validated(number, value, errors) if value is not None else None
        if item is None:
            continue
        result.external_id = item.external_id
        if item.external_id in seen:
            message = f"external_id repeats line {seen[item.external_id]}"
            errors.add(number, message, field="external_id", code="duplicate")
            continue
        seen[item.external_id] = number
        read.valid[len(read.results) - 1] = item
    return read
