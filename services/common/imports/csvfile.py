"""A CSV file's rows with their line numbers, as spreadsheet programs save them.

The separator is sniffed from the header line (`;` as German Excel and LibreOffice write it,
or `,`); header names are matched case-insensitively; rows that are empty or hold only
separators (spreadsheets save formatted empty rows like that) are skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from services.common.imports.errors import ImportTooLarge, UnreadableFile
from services.common.problem_types import texts

SEPARATORS = (";", ",")


@dataclass(frozen=True)
class CsvRow:
    """One data row: `line` is where it starts in the file (the header is line 1)."""

    line: int
    values: dict[str, str] | None  # None: the row has another number of columns than the header


def sniff_separator(header_line: str) -> str:
    """`;` or `,`: whichever the header line holds more of outside quotes (`;` on a tie)."""
    outside = header_line.split('"')[::2]
    counts = {sep: sum(part.count(sep) for part in outside) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: counts[sep])


def _header(names: Sequence[str], required: Sequence[str], optional: Sequence[str]) -> list[str]:
    header = [n.strip().lower() for n in names]
    while header and not header[-1]:  # empty columns a spreadsheet saved right of the table
        header.pop()
    known = [*required, *optional]
    expected = ";".join(required) + "".join(f"[;{o}]" for o in optional)
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in known]
    if missing or unknown or len(set(header)) != len(header):
        raise UnreadableFile(
            texts(
                f"The first line must name the columns {expected} (any order, `;` or `,`)",
                f"Die erste Zeile muss die Spalten {expected} nennen (beliebige Reihenfolge, `;` "
                "oder `,`)",
            ),
            expected_columns=known,
        )
    return header


def read_csv(
    text: str, required: Sequence[str], optional: Sequence[str] = (), *, max_rows: int
) -> list[CsvRow]:
    """The data rows of `text`, values stripped; UnreadableFile for a bad header or quoting,
    ImportTooLarge beyond `max_rows`."""
    if not text.strip():
        raise UnreadableFile(
            texts(
                "The file is empty",
                "Die Datei ist leer",
            )
        )
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(first))
    rows: list[CsvRow] = []
    try:
        header = _header(next(reader, []), required, optional)
        start = reader.line_num + 1
        for raw in reader:
            line, start = start, reader.line_num + 1
            if not any(v.strip() for v in raw):
                continue
            if len(rows) >= max_rows:
                raise ImportTooLarge(
                    texts(
                        f"Send at most {max_rows} rows per import",
                        f"Senden Sie höchstens {max_rows} Zeilen pro Import",
                    )
                )
            values = None
            if len(raw) > len(header) and not any(v.strip() for v in raw[len(header) :]):
                raw = raw[: len(header)]
            if len(raw) == len(header):
                values = {name: v.strip() for name, v in zip(header, raw, strict=True)}
            rows.append(CsvRow(line, values))
    except csv.Error as exc:
        raise UnreadableFile(
            texts(
                f"Line {reader.line_num} is not valid CSV: {exc}",
                f"Zeile {reader.line_num} ist kein gültiges CSV: {exc}",
            )
        ) from exc
    if not rows:
        raise UnreadableFile(
            texts(
                "The file has no data rows below the header",
                "Die Datei hat unter der Kopfzeile keine Datenzeilen",
            )
        )
    return rows
