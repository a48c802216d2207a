"""Erasure (GDPR Art. 17) is complete by construction.

Every text, array and JSON column of the cases database is either personal (erasure scrubs it)
or declared not personal with a reason (services/cases/personal_data.py); the databases'
catalogs are read, so a new table or column is covered without touching these tests. Then the
real stack is filled through the gateway with a canary string in every free-text field, the case
is erased, and no column of any table of the three databases, and no log line, holds the canary.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from services.cases.models import metadata
from services.cases.personal_data import NOT_PERSONAL, PERSONAL, WHOLE_ROW
from services.cli.stack import Stack
from tests.cases.conftest import CASE_WORKER, PRIVACY, Caller, open_case
from tests.support.apps import Databases
from tests.support.stack import demo_token

TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb", "ARRAY", "USER-DEFINED")


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _text_columns(url: str) -> list[tuple[str, str]]:
    """Every column of every table that can hold text, from the database's own catalog
    (partitions not apart from their parent table)."""
    conn = await asyncpg.connect(_plain(url))
    try:
        rows = await conn.fetch(
            "SELECT table_name, column_name FROM information_schema.columns"
            # a monthly partition (services/common/partitions.py) is its parent table: the
            # parent is classified and read, which reads every partition
            " JOIN pg_class c ON c.relname = table_name"
            " AND c.relnamespace = 'public'::regnamespace AND NOT c.relispartition"
            " WHERE table_schema = 'public' AND data_type = ANY($1::text[])"
            " ORDER BY table_name, column_name",
            list(TEXT_TYPES),
        )
        return [(r["table_name"], r["column_name"]) for r in rows]
    finally:
        await conn.close()


async def _holding(url: str, needle: str) -> set[tuple[str, str]]:
    """The (table, column) pairs of the database where some row's value contains `needle`."""
    found = set()
    conn = await asyncpg.connect(_plain(url))
    try:
        for table, column in await _text_columns(url):
            sql = f'SELECT count(*) FROM "{table}" WHERE "{column}"::text LIKE $1'  # noqa: S608
            if await conn.fetchval(sql, f"%{needle}%"):
                found.add((table, column))
    finally:
        await conn.close()
    return found


def _whole_row_tables() -> set[str]:
    return {p.table for p in PERSONAL if p.column == WHOLE_ROW}


async def test_every_text_column_of_the_cases_database_is_classified(databases: Databases):
    columns = await _text_columns(databases.url("cases"))
    personal = {(p.table, p.column) for p in PERSONAL}
    whole = _whole_row_tables()
    unclassified = [
        (t, c) for t, c in columns if t not in whole and (t, c) not in personal | set(NOT_PERSONAL)
    ]
    assert unclassified == [], (
        "classify these columns in services/cases/personal_data.py: PERSONAL (with how erasure "
        "scrubs them) or NOT_PERSONAL (with the reason)"
    )
    stale = (personal | set(NOT_PERSONAL)) - set(columns) - {(t, WHOLE_ROW) for t in whole}
    assert stale == set(), "the registry names columns the database does not have"
    assert whole <= set(metadata.tables)


async def test_a_retry_after_erasure_answers_410_instead_of_replaying_personal_data(svc):
    def keyed(caller: Caller, key: str) -> dict[str, str]:
        return caller.headers(svc.tokens, **{"Idempotency-Key": key})

    body = {"pseudonym": "GP-Specht", "municipality_ags": "08117019", "opened_on": "2026-03-02"}
    r = await svc.client.post("/cases/v1/cases", json=body, headers=keyed(CASE_WORKER, "c-1"))
    case = r.json()
    other = await open_case(svc)
    note = {"held_on": "2026-03-09", "duration_minutes": 30, "mode": "phone", "fields": ["work"]}
    note["notes"] = "private"
    for case_id, key in ((case["id"], "n-1"), (other["id"], "n-2")):
        url = f"/cases/v1/cases/{case_id}/consultations"
        assert (await svc.client.post(url, json=note, headers=keyed(CASE_WORKER, key))).is_success

    erased = await svc.client.post(
        f"/cases/v1/cases/{case['id']}/erasure", headers=PRIVACY.headers(svc.tokens)
    )
    assert erased.status_code == 200
    assert "stored_responses" in erased.json()["removed"]

    again = await svc.client.post("/cases/v1/cases", json=body, headers=keyed(CASE_WORKER, "c-1"))
    assert again.status_code == 410
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json()["type"].endswith("/response-erased")
    assert "GP-Specht" not in again.text
    url = f"/cases/v1/cases/{case['id']}/consultations"
    assert (
        await svc.client.post(url, json=note, headers=keyed(CASE_WORKER, "n-1"))
    ).status_code == 410
    url = f"/cases/v1/cases/{other['id']}/consultations"
    kept = await svc.client.post(url, json=note, headers=keyed(CASE_WORKER, "n-2"))
    assert kept.status_code == 201
    assert kept.headers["idempotent-replayed"] == "true"


# --- the canary, through the real stack ---------------------------------------------------


class Client:
    """A caller of the gateway with one demo login."""

    def __init__(self, stack: Stack, username: str) -> None:
        token = demo_token(stack, username)
        self.http = httpx.Client(
            base_url=stack.gateway_url, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )

    def send(self, method: str, path: str, *, key: bool = False, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if key:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        r = self.http.request(method, path, headers=headers, **kwargs)
        assert r.is_success, f"{method} {path}: {r.status_code} {r.text}"
        return r


def _fill(cw: Client, canary: str) -> str:
    """One case with the canary in every free-text field, through every creating call."""
    case = cw.send(
        "POST",
        "/cases/v1/cases",
        key=True,
        json={
            "pseudonym": f"{canary}-pseudonym",
            "external_id": f"{canary}-external",
            "municipality_ags": "08117019",
            "opened_on": "2026-03-02",
        },
    ).json()
    url = f"/cases/v1/cases/{case['id']}"
    consent = {"given_on": "2026-03-02", "scope": ["personal_data", "plan"], "means": "written"}
    r = cw.send("PUT", url + "/consent", json=consent, headers={"If-Match": '"1"'})
    person = {
        field: f"{canary}-{field}"
        for field in (
            "name",
            "gender",
            "country_of_origin",
            "residence_status",
            "schooling",
            "vocational_training",
            "degree",
            "qualifications",
            "competencies",
        )
    }
    cw.send("PUT", url + "/person", json=person, headers={"If-Match": r.headers["ETag"]})
    texts = {f: f"{canary}-goal-{f}" for f in ("description", "agreed_steps", "responsible")}
    plan = {"change_note": f"{canary}-change", "goals": [{"field": "language", **texts}]}
    cw.send("POST", url + "/plan/versions", key=True, json=plan)
    contact = {"held_on": "2026-03-09", "duration_minutes": 30, "mode": "phone", "fields": ["work"]}
    made = cw.send("POST", url + "/consultations", key=True, json={**contact, "notes": canary})
    cw.send(
        "PATCH",
        f"{url}/consultations/{made.json()['id']}",
        json={"notes": f"{canary}-corrected"},
        headers={"If-Match": made.headers["ETag"]},
    )
    referral = {"agency": "job_centre", "field": "work", "referred_on": "2026-03-10"}
    cw.send("POST", url + "/referrals", key=True, json={**referral, "notes": canary})
    helper = cw.send(
        "POST", "/cases/v1/volunteers", key=True, json={"display_name": "Helga M.", "fields": []}
    ).json()
    assignment = {"volunteer_id": helper["id"], "field": "language", "started_on": "2026-03-16"}
    cw.send("POST", url + "/volunteer-assignments", key=True, json={**assignment, "notes": canary})
    line = (
        f'{{"external_id": "{canary}-external", "pseudonym": "{canary}-imported",'
        ' "municipality_ags": "08117019", "opened_on": "2026-03-02", "status": "open"}\n'
    )
    imported = cw.send(
        "POST",
        "/cases/v1/case-imports",
        key=True,
        content=line,
        headers={"Content-Type": "application/x-ndjson"},
    )
    assert imported.json()["results"][0]["case_id"] == case["id"], imported.text
    for path in ("", "/plan/versions", "/consultations", "/referrals", "/volunteer-assignments"):
        cw.send("GET", url + path)
    return str(case["id"])


@pytest.fixture
def canary() -> str:
    return f"CANARY-{uuid.uuid4().hex}"


@pytest.mark.e2e
@pytest.mark.xdist_group("stack")
def test_nothing_of_the_canary_survives_erasure_in_any_database_or_log(stack: Stack, canary):
    cw, dpo = Client(stack, "cw.goeppingen"), Client(stack, "privacy.goeppingen")
    try:
        _fill_and_erase(stack, cw, dpo, canary)
    finally:
        cw.http.close()
        dpo.http.close()
    logs = sorted(stack.run_dir.glob("*.log"))
    assert logs, "the stack wrote no logs"
    for log in logs:
        assert canary not in log.read_text(errors="replace"), f"{log.name} holds the canary"


def _fill_and_erase(stack: Stack, cw: Client, dpo: Client, canary: str) -> None:
    case_id = _fill(cw, canary)
    dpo.send("GET", f"/cases/v1/cases/{case_id}/data-export")

    before = asyncio.run(_holding(stack.database_urls["cases"], canary))
    personal = {(p.table, p.column) for p in PERSONAL if p.column != WHOLE_ROW}
    whole = {(t, c) for t, c in before if t in _whole_row_tables()}
    # the fill reached every personal column the registry names (so it proves their erasure),
    # but the safety nets: events and audit details carry no free text, and stored headers only
    # the case's id (Location), by which erasure finds the stored response
    nets = {("outbox_event", "payload"), ("audit_entry", "details")}
    assert personal - before - nets - {("idempotency_record", "response_headers")} == set()
    assert {t for t, _ in whole} == _whole_row_tables()

    erased = dpo.send("POST", f"/cases/v1/cases/{case_id}/erasure")
    assert erased.json()["case_id"] == case_id

    for service, url in stack.database_urls.items():
        left = asyncio.run(_holding(url, canary))
        assert left == set(), f"{service} still holds the erased person's data in {left}"
