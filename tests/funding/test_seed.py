"""The demo data: the 2017 programme and frames, created once however often seeding runs."""

from __future__ import annotations

from services.funding.seed import seed
from tests.funding.personas import GOEPPINGEN


async def test_seed_is_idempotent_and_matches_the_domain(databases, tokens):
    url = databases.isolated_url("funding")
    try:
        first = await seed(url)
        second = await seed(url)
        assert any("116,000,000.00" in line for line in first)
        assert second == ["funding: demo data present"]
        from services.funding.app import create_app
        from tests.funding.conftest import settings_for
        from tests.support.apps import running_service

        async with running_service(create_app, settings_for(url), tokens, isolated=True) as sut:
            programmes = (
                await sut.client.get("/funding/v1/programmes", headers=GOEPPINGEN.headers(tokens))
            ).json()["items"]
            assert len(programmes) == 1
            p = programmes[0]
            assert (p["total_budget"], p["period_months"], p["min_frame"]) == (
                "116000000.00",
                24,
                "51000.00",
            )
            rates = {r["qualification"]: r for r in p["rates"]}
            assert rates["mid_level"]["amount"] == "51000.00"
            assert rates["university"]["is_example"] is True
            frames = (
                await sut.client.get(
                    f"/funding/v1/programmes/{p['id']}/planning-frames",
                    headers=GOEPPINGEN.headers(tokens),
                )
            ).json()
            by_ags = {f["ags"]: f for f in frames["items"]}
            assert (by_ags["08117019"]["amount"], by_ags["08117019"]["status"]) == (
                "271248.00",
                "final",
            )
            assert by_ags["08117019"]["org_id"] == GOEPPINGEN.id
            assert float(by_ags["08117007"]["amount"]) < 51000
            assert "08111000" in by_ags
    finally:
        databases.drop_isolated()
