"""Bulk import: check every line, then apply the valid ones set-based (as the mode allows)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.imports import repository as repo
from services.cases.imports.reading import read_case_file
from services.cases.imports.schemas import CaseImportReport, LineResult
from services.common.audit import audit_row, record_audit_many
from services.common.auth import Principal
from services.common.import_lines import ImportSummary
from services.common.imports.outcome import settle
from services.common.imports.upload import Upload
from services.common.outbox import emit_many, event_row


async def import_cases(session: AsyncSession, who: Principal, upload: Upload) -> CaseImportReport:
    """Creates or updates the organization's cases by external_id; unchanged lines touch
    nothing. Every line is checked before anything is written; `import-refused` when the mode
    forbids committing."""
    read = read_case_file(upload.data)
    results = read.results
    found = await repo.existing(session, who.org, [i.external_id for i in read.valid.values()])
    fresh: dict[int, dict[str, Any]] = {}
    changes: list[dict[str, Any]] = []
    for index, item in read.valid.items():
        values = item.model_dump()
        values["assigned_worker"] = values["assigned_worker"] or who.subject
        current = found.get(item.external_id)
        if current is None:
            fresh[index] = values
        else:
            _match(results[index], current, values, changes)
    planned = {o: sum(1 for r in results if r.outcome == o) for o in ("updated", "unchanged")}
    settled = settle(upload.mode, read.errors, created=len(fresh), **planned)
    raced = await _create(session, who, fresh, results)
    if raced:  # a concurrent import committed these first: they exist now, so match them again
        found = await repo.existing(session, who.org, [v["external_id"] for v in raced.values()])
        for index, values in raced.items():
            _match(results[index], found[values["external_id"]], values, changes)
    await repo.update_many(session, changes)
    await _record(session, who, results)
    outcomes = ("created", "updated", "unchanged", "failed")
    settled["summary"] = ImportSummary(
        **{k: sum(1 for r in results if r.outcome == k) for k in outcomes}
    )
    return CaseImportReport(**settled, results=results)


def _match(
    result: LineResult, current: Any, values: dict[str, Any], changes: list[dict[str, Any]]
) -> None:
    result.case_id, result.reference = current.id, current.reference
    if all(getattr(current, c) == values[c] for c in repo.COMPARED):
        result.outcome = "unchanged"
    else:
        result.outcome = "updated"
        changes.append({"id": current.id, **values})


async def _create(
    session: AsyncSession,
    who: Principal,
    fresh: dict[int, dict[str, Any]],
    results: list[LineResult],
) -> dict[int, dict[str, Any]]:
    """Inserts the new cases; returns those a concurrent request inserted first."""
    by_year: dict[int, list[int]] = defaultdict(list)
    for index, values in fresh.items():
        by_year[values["opened_on"].year].append(index)
    rows = []
    for year, indexes in sorted(by_year.items()):
        first = await case_repo.allocate_references(session, who.org, year, len(indexes))
        for offset, index in enumerate(indexes):
            reference = case_repo.format_reference(year, first + offset)
            rows.append({**fresh[index], "reference": reference})
    inserted = await repo.insert_new(session, who.org, list(who.org_path), rows)
    raced = {}
    for index, values in fresh.items():
        row = inserted.get(values["external_id"])
        if row is None:
            raced[index] = values
        else:
            results[index].outcome = "created"
            results[index].case_id, results[index].reference = row.id, row.reference
    return raced


async def _record(session: AsyncSession, who: Principal, results: list[LineResult]) -> None:
    audits, events = [], []
    for r in results:
        if r.outcome not in ("created", "updated"):
            continue
        action = "case.opened" if r.outcome == "created" else "case.updated"
        audits.append(audit_row(who, action, "case", r.case_id, {"import_line": r.line}))
        events.append(
            event_row(
                action,
                "case",
                r.case_id,
                [who.org],
                {"case_id": str(r.case_id), "reference": r.reference},
            )
        )
    await record_audit_many(session, audits)
    await emit_many(session, events)
