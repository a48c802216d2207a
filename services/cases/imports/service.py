"""Bulk import: validate every line on its own, then apply the valid ones set-based."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from pydantic import ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.casefile import repository as case_repo
from services.cases.errors import ImportTooLarge
from services.cases.imports import repository as repo
from services.cases.imports.schemas import (
    MAX_LINE_BYTES,
    MAX_LINES,
    ImportLine,
    ImportResult,
    ImportSummary,
    LineResult,
)
from services.common.audit import audit_row, record_audit_many
from services.common.auth import Principal
from services.common.outbox import emit_many, event_row


def parse(body: bytes) -> tuple[list[LineResult], dict[int, ImportLine]]:
    """Per-line validation; blank lines are skipped but keep their number."""
    lines = body.split(b"\n")
    if sum(1 for raw in lines if raw.strip()) > MAX_LINES:
        raise ImportTooLarge(f"Send at most {MAX_LINES} lines per request")
    results: list[LineResult] = []
    valid: dict[int, ImportLine] = {}
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        result = LineResult(line=number, external_id=None, outcome="failed")
        results.append(result)
        if len(raw) > MAX_LINE_BYTES:
            result.errors.append(f"line longer than {MAX_LINE_BYTES} bytes")
            continue
        try:
            item = ImportLine.model_validate(json.loads(raw))
        except (ValueError, UnicodeDecodeError) as exc:
            result.errors.extend(_messages(exc))
            continue
        result.external_id = item.external_id
        if item.external_id in seen:
            result.errors.append("external_id appears earlier in this import")
            continue
        seen.add(item.external_id)
        valid[len(results) - 1] = item
    return results, valid


def _messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return [
            f"{'.'.join(str(p) for p in e['loc']) or 'line'}: {e['msg']}" for e in exc.errors()
        ][:10]
    return ["not a JSON object"]


async def import_cases(session: AsyncSession, who: Principal, body: bytes) -> ImportResult:
    """Creates or updates the organization's cases by external_id; unchanged lines touch nothing."""
    results, valid = parse(body)
    found = await repo.existing(session, who.org, [item.external_id for item in valid.values()])
    fresh: dict[int, dict[str, Any]] = {}
    changes: list[dict[str, Any]] = []
    for index, item in valid.items():
        values = item.model_dump()
        values["assigned_worker"] = values["assigned_worker"] or who.subject
        current = found.get(item.external_id)
        if current is None:
            fresh[index] = values
        else:
            _match(results[index], current, values, changes)
    raced = await _create(session, who, fresh, results)
    if raced:  # a concurrent import committed these first: they exist now, so match them again
        found = await repo.existing(session, who.org, [v["external_id"] for v in raced.values()])
        for index, values in raced.items():
            _match(results[index], found[values["external_id"]], values, changes)
    await repo.update_many(session, changes)
    await _record(session, who, results)
    summary = ImportSummary(
        **{
            k: sum(1 for r in results if r.outcome == k)
            for k in ("created", "updated", "unchanged", "failed")
        }
    )
    return ImportResult(summary=summary, results=results)


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
