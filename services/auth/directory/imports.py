"""Importing organizations from a CSV file (`ags;name;kind;parent_ags`), the common way.

Rows are taken in file order, so a row may name a parent created above it. An organization
that exists (same AGS; without an AGS, same parent, kind and name) is unchanged, or updated
when only its name differs. Each row runs in a savepoint, so a refused row leaves nothing
behind; whether the valid rows stay is the mode's decision (`services.common.imports`).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.directory import repository as repo
from services.auth.directory.schemas import OrganizationCreate
from services.auth.directory.service import PARENT_KINDS, insert_organization
from services.auth.errors import DuplicateOrganization, InvalidHierarchy, OrganizationNotFound
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.imports.csvfile import CsvRow, read_csv
from services.common.imports.outcome import ImportReport, LineErrors, settle
from services.common.imports.text import decode_upload
from services.common.imports.upload import Upload

COLUMNS = ("ags", "name", "kind", "parent_ags")
MAX_ROWS = 5000
_AGS = re.compile(r"^08(\d|\d{3}|\d{6})?$")
Outcome = Literal["created", "updated", "unchanged"]


async def import_organizations(
    session: AsyncSession, actor: Principal, upload: Upload
) -> ImportReport:
    """Creates, renames or confirms the file's organizations; refused rows are reported per
    line. Raises `import-refused` when the mode forbids committing (the caller then rolls back)."""
    rows = read_csv(decode_upload(upload.data), COLUMNS, max_rows=MAX_ROWS)
    errors = LineErrors()
    counts: dict[Outcome, int] = {"created": 0, "updated": 0, "unchanged": 0}
    parents = Parents(session)
    for row in rows:
        outcome = await _import_row(session, actor, row, errors, parents)
        if outcome is not None:
            counts[outcome] += 1
    report = ImportReport(**settle(upload.mode, errors, **counts))
    details = {"mode": upload.mode, **report.summary.model_dump()}
    await record_audit(session, actor, "organization.imported", "organization", "csv", details)
    return report


def _checked(row: CsvRow, errors: LineErrors) -> dict[str, str] | None:
    """The row's values when each has the right form; errors per field otherwise."""
    if row.values is None:
        errors.add(row.line, f"expected {len(COLUMNS)} columns", code="malformed")
        return None
    values, line = row.values, row.line
    if values["ags"] and not _AGS.match(values["ags"]):
        errors.add(line, "2, 3, 5 or 8 digits starting with 08", field="ags")
    if values["kind"] not in PARENT_KINDS:
        errors.add(line, f"one of: {', '.join(PARENT_KINDS)}", field="kind")
    if not 1 <= len(values["name"]) <= 200:
        errors.add(line, "1 to 200 characters", field="name")
    if values["parent_ags"] and not _AGS.match(values["parent_ags"]):
        errors.add(line, "2, 3 or 5 digits starting with 08", field="parent_ags")
    return None if line in errors else values


class Parents:
    """Parents by AGS, read once per import (most rows of a file share a few parents); a miss
    is asked again, as a row above may have created it since."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.found: dict[str, Row[Any]] = {}

    async def get(self, ags: str) -> Row[Any] | None:
        if ags not in self.found:
            row = await repo.get_by_ags(self.session, ags)
            if row is None:
                return None
            self.found[ags] = row
        return self.found[ags]


async def _import_row(
    session: AsyncSession, actor: Principal, row: CsvRow, errors: LineErrors, parents: Parents
) -> Outcome | None:
    values = _checked(row, errors)
    if values is None:
        return None
    parent = None
    if values["parent_ags"]:
        parent = await parents.get(values["parent_ags"])
        if parent is None:
            message = f"{values['parent_ags']} is not in the directory"
            errors.add(row.line, message, field="parent_ags", code="not-found")
            return None
    present = await _present(session, values, parent)
    if present is not None:
        return await _compare(session, actor, row, values, present, parent, errors)
    data = OrganizationCreate(
        kind=values["kind"],
        name=values["name"],
        ags=values["ags"] or None,
        parent_id=str(parent.id) if parent is not None else None,
    )
    try:
        async with session.begin_nested():
            _, created = await insert_organization(session, actor, data, parent)
    except InvalidHierarchy as exc:
        errors.add(row.line, exc.detail or exc.title)
        return None
    except (DuplicateOrganization, OrganizationNotFound) as exc:
        errors.add(row.line, exc.detail or exc.title, field="ags", code="conflict")
        return None
    return "created" if created else "unchanged"


async def _present(
    session: AsyncSession, values: dict[str, str], parent: Row[Any] | None
) -> Row[Any] | None:
    """The organization the row names if it exists: by AGS, else by parent, kind and name."""
    if values["ags"]:
        return await repo.get_by_ags(session, values["ags"])
    parent_id = str(parent.id) if parent is not None else None
    return await repo.find_unkeyed(session, parent_id, values["kind"], values["name"])


async def _compare(
    session: AsyncSession,
    actor: Principal,
    row: CsvRow,
    values: dict[str, str],
    present: Row[Any],
    parent: Row[Any] | None,
    errors: LineErrors,
) -> Outcome | None:
    parent_id = str(parent.id) if parent is not None else None
    present_parent = str(present.parent_id) if present.parent_id else None
    if present.kind != values["kind"] or present_parent != parent_id:
        message = f"{values['ags']} is a {present.kind} with another parent in the directory"
        errors.add(row.line, message, field="ags", code="conflict")
        return None
    if present.name == values["name"]:
        return "unchanged"
    await repo.change(session, str(present.id), {"name": values["name"]})
    details = {"name": values["name"], "import_line": row.line}
    await record_audit(session, actor, "organization.updated", "organization", present.id, details)
    return "updated"
