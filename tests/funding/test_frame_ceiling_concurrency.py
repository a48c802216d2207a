"""Parallel submits in truly parallel transactions never hold more than a frame."""

from __future__ import annotations

import asyncio

import pytest

from tests.funding.ceiling_flow import act, draft, usage
from tests.funding.conftest import setup_programme
from tests.funding.personas import GOEPPINGEN, LRA_GOEPPINGEN
from tests.funding.test_concurrency import isolated  # noqa: F401 - the isolated app


@pytest.mark.isolated_db
async def test_parallel_submits_never_exceed_a_frame(isolated):  # noqa: F811
    """Göppingen's frame (271,248.00) fits two applications of 102,000.00, not three; six
    municipal ones and two district ones delegating Göppingen are submitted at once."""
    programme = await setup_programme(isolated, name="Parallel frames")
    own = [(await draft(isolated, programme, GOEPPINGEN, 2)).json()["id"] for _ in range(6)]
    district = [
        (
            await draft(
                isolated,
                programme,
                LRA_GOEPPINGEN,
                2,
                delivery_model="delegated_to_district",
                delegating_municipalities=["08117019"],
            )
        ).json()["id"]
        for _ in range(2)
    ]
    submits = [act(isolated, i, GOEPPINGEN, "applicant", "submit") for i in own]
    submits += [act(isolated, i, LRA_GOEPPINGEN, "applicant", "submit") for i in district]
    responses = await asyncio.gather(*submits)
    codes = sorted(r.status_code for r in responses)
    assert codes == [201, 201, 409, 409, 409, 409, 409, 409], [r.text for r in responses]
    for r in responses:
        if r.status_code == 409:
            assert r.json()["type"].endswith("/funding/frame-ceiling-exceeded"), r.text
    seen = (await usage(isolated, programme, "08117019", GOEPPINGEN, "applicant")).json()
    assert (seen["held_amount"], seen["remaining_amount"]) == ("204000.00", "67248.00")
    assert len(seen["holds"]) == 2
