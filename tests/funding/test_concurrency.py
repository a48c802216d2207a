"""Concurrent approvals, truly parallel transactions on their own database: never overspend."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from services.funding.app import create_app
from services.funding.applications.bulk import insert_forwarded
from tests.funding.conftest import settings_for, setup_programme
from tests.funding.personas import RP_STUTTGART
from tests.support.apps import ServiceUnderTest, running_service


@pytest.fixture
async def isolated(databases, tokens):
    url = databases.isolated_url("funding")
    try:
        async with running_service(
            create_app, settings_for(url, db_pool_size=12), tokens, isolated=True
        ) as sut:
            yield sut
    finally:
        databases.drop_isolated()


async def _forwarded(sut: ServiceUnderTest, programme_id: str, n: int) -> list[str]:
    async with sut.session() as session:
        ids = await insert_forwarded(session, uuid.UUID(programme_id), n)
        await session.commit()
    return [str(i) for i in ids]


@pytest.mark.isolated_db
async def test_parallel_approvals_never_exceed_the_budget(isolated, tokens):
    programme = await setup_programme(
        isolated, name="Parallel", total_budget="153000.00"
    )  # three positions
    ids = await _forwarded(isolated, programme["id"], 10)

    async def approve(app_id: str, n: int):
        headers = {
            **RP_STUTTGART.headers(tokens, "approver", sub=f"approver-{n}"),
            "If-Match": '"3"',
        }
        return await isolated.client.post(
            f"/funding/v1/applications/{app_id}/transitions",
            json={"action": "approve"},
            headers=headers,
        )

    async def batch(chunk: list[str]):
        items = [{"application_id": i, "decision": "approve"} for i in chunk]
        return await isolated.client.post(
            "/funding/v1/decision-batches",
            json={"items": items},
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )

    singles = [approve(i, n) for n, i in enumerate(ids[:6])]
    responses = await asyncio.gather(*singles, batch(ids[6:]))
    approved_singly = [r for r in responses[:6] if r.status_code == 201]
    refused = [r for r in responses[:6] if r.status_code == 409]
    assert len(approved_singly) + len(refused) == 6
    assert all(r.json()["type"].endswith("/funding/budget-exceeded") for r in refused)
    batch_items = responses[6].json()["items"]
    decided_in_batch = [i for i in batch_items if i["outcome"] == "decided"]
    assert all(
        i["problem"]["type"].endswith("/funding/budget-exceeded")
        for i in batch_items
        if i["outcome"] == "failed"
    )
    assert len(approved_singly) + len(decided_in_batch) == 3

    prog = (
        await isolated.client.get(
            f"/funding/v1/programmes/{programme['id']}",
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )
    ).json()
    assert prog["booked_amount"] == "153000.00"
    assert prog["available_amount"] == "0.00"


@pytest.mark.isolated_db
async def test_batch_and_single_approvals_on_the_same_applications_neither_deadlock_nor_double_book(
    isolated, tokens
):
    programme = await setup_programme(isolated, name="Overlap")
    ids = await _forwarded(isolated, programme["id"], 1_200)  # two chunks
    contested = ids[1_100:1_108]  # in the batch's second chunk

    async def approve(app_id: str, n: int):
        headers = {**RP_STUTTGART.headers(tokens, "approver", sub=f"single-{n}"), "If-Match": '"3"'}
        return await isolated.client.post(
            f"/funding/v1/applications/{app_id}/transitions",
            json={"action": "approve"},
            headers=headers,
        )

    items = [{"application_id": i, "decision": "approve"} for i in ids]
    batch_call = isolated.client.post(
        "/funding/v1/decision-batches",
        json={"items": items},
        headers=RP_STUTTGART.headers(tokens, "approver"),
    )
    batch, *singles = await asyncio.gather(
        batch_call, *(approve(i, n) for n, i in enumerate(contested))
    )
    assert batch.status_code == 201, batch.text[:300]
    by_id = {i["application_id"]: i for i in batch.json()["items"]}
    for app_id, single in zip(contested, singles, strict=True):
        # exactly one of the two decided it; the other saw it decided (skipped / 409 / 412)
        single_won = single.status_code == 201
        assert single.status_code in (201, 409, 412), single.text
        assert (by_id[app_id]["outcome"] == "decided") != single_won
    prog = (
        await isolated.client.get(
            f"/funding/v1/programmes/{programme['id']}",
            headers=RP_STUTTGART.headers(tokens, "approver"),
        )
    ).json()
    assert prog["booked_amount"] == f"{1_200 * 51_000}.00"
