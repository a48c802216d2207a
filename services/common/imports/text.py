"""Bytes of an uploaded file to text, as spreadsheet programs save them.

UTF-8 (with or without the byte order mark Excel writes) first; if that fails, Windows-1252,
the "ANSI" code page of German Windows. Windows-1252 leaves five byte values undefined, so a
file in another single-byte code page can still be refused, but never mis-decoded silently
as UTF-8.
"""

from __future__ import annotations

from services.common.imports.errors import UnreadableFile
from services.common.problem_types import texts

BOM = "\ufeff"


def decode_upload(data: bytes) -> str:
    """The file's text without a leading BOM; UnreadableFile when it is neither encoding."""
    if b"\x00" in data:
        raise UnreadableFile(
            texts(
                "The file holds NUL bytes: it is not a text file",
                "Die Datei enthält NUL-Bytes: sie ist keine Textdatei",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                texts(
                    'The file is neither UTF-8 nor Windows-1252 text; save it as "CSV UTF-8" or '
                    '"CSV (Trennzeichen-getrennt)"',
                    "Die Datei ist weder UTF-8- noch Windows-1252-Text; speichern Sie sie als "
                    '"CSV UTF-8" oder "CSV (Trennzeichen-getrennt)"',
                )
            ) from exc
    return text.removeprefix(BOM)
