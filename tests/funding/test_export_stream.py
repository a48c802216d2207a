"""The CSV export streams every matching application, chunk after chunk, with no cap (issue 16:
it used to stop at 50,000 rows without saying so)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Any

import pytest

from services.funding.applications import export
from services.funding.applications.bulk import insert_forwarded
from tests.funding.personas import RP_STUTTGART
from tests.support.apps import ServiceUnderTest
from tests.support.tokens import TokenFactory


async def test_export_streams_every_row_across_chunks(
    funding: ServiceUnderTest,
    programme: dict[str, Any],
    tokens: TokenFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export, "CHUNK", 3)  # 11 rows: four chunks of the cursor
    async with funding.session() as session:
        ids = await insert_forwarded(session, uuid.UUID(programme["id"]), 11)
        await session.commit()
    r = await funding.client.get(
        "/funding/v1/applications.csv",
        params={"programme_id": programme["id"]},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(row["id"] for row in rows) == sorted(str(i) for i in ids)
    assert len({(row["created_at"], row["id"]) for row in rows}) == 11
    created = [dt.datetime.fromisoformat(row["created_at"]) for row in rows]
    assert all(c.utcoffset() == dt.timedelta(0) for c in created)  # ISO 8601, UTC
    assert {(row["frame_amount"], row["granted_amount"], row["early_start"]) for row in rows} == {
        ("51000.00", "", "false")
    }
    assert [(row["created_at"], row["id"]) for row in rows] == sorted(
        (row["created_at"], row["id"]) for row in rows
    )


async def test_an_export_without_matches_is_the_header_alone(
    funding: ServiceUnderTest, programme: dict[str, Any], tokens: TokenFactory
) -> None:
    r = await funding.client.get(
        "/funding/v1/applications.csv",
        params={"programme_id": programme["id"], "state": "withdrawn"},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    assert r.status_code == 200
    assert r.text.splitlines() == [",".join(export.HEADER)]
