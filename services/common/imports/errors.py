"""The problem types every import answers with, whichever service runs it."""

from __future__ import annotations

from services.common.problems import ProblemError


class UnreadableFile(
    ProblemError,
    slug="unreadable-import-file",
    title="The import file cannot be read",
    title_de="Die Importdatei ist nicht lesbar",
    status=400,
):
    """Not UTF-8 nor Windows-1252 text, not CSV or JSON Lines, a wrong header, no rows, or a
    multipart body without a `file` part: nothing was imported."""


class ImportTooLarge(
    ProblemError,
    slug="import-too-large",
    title="The import file is too large",
    title_de="Die Importdatei ist zu groß",
    status=413,
):
    """More bytes or lines than the operation takes in one request: nothing was imported."""


class UnsupportedUpload(
    ProblemError,
    slug="unsupported-media-type",
    title="Unsupported media type",
    title_de="Medientyp nicht unterstützt",
    status=415,
):
    """Neither `multipart/form-data` nor a raw media type the operation takes."""


class ImportRefused(
    ProblemError,
    slug="import-refused",
    title="The import was refused",
    title_de="Der Import wurde abgelehnt",
    status=422,
):
    """Lines have errors and the mode (or nothing valid left) forbids committing: nothing was
    imported. `line_errors` lists every error, `summary` what the file would have done."""
