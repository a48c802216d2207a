"""The pure rules: routing from AGS keys, money arithmetic, content negotiation of notices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.common.orgs import org_id_for_ags
from services.funding.api.decision_notices import wants_pdf
from services.funding.money import position_amount
from services.funding.routing import route_for


@pytest.mark.parametrize(
    ("kind", "ags", "statewide", "district", "council"),
    [
        ("municipality", "08117019", "081", "08117", "081"),  # Göppingen: via its Landratsamt
        ("municipality", "08416041", None, "08416", "084"),  # Tübingen district, regional programme
        ("municipality", "08416041", "081", "08416", "081"),  # statewide: RP Stuttgart decides
        ("urban_district", "08111000", "081", None, "081"),  # Stuttgart (Stadtkreis)
        ("municipality", "08212000", None, None, "082"),  # Karlsruhe city token: still a Stadtkreis
        ("rural_district", "08117", "081", None, "081"),  # a district applying for itself
    ],
)
def test_route_follows_the_ags_chain(kind, ags, statewide, district, council):
    route = route_for(kind, ags, statewide_council=statewide)
    assert route.district_ags == ags[:5]
    assert route.region_ags == ags[:3]
    assert route.district_org_id == (org_id_for_ags(district) if district else None)
    assert route.council_ags == council
    assert route.council_org_id == org_id_for_ags(council)


@pytest.mark.parametrize(
    ("rate", "fte", "months", "period", "amount"),
    [
        ("51000.00", "1.00", 24, 24, "51000.00"),
        ("51000.00", "0.50", 12, 24, "12750.00"),
        ("51000.00", "0.25", 3, 16, "2390.63"),  # 2390.625, half up
        ("51000.00", "0.33", 7, 24, "4908.75"),
        ("62000.00", "0.75", 5, 36, "6458.33"),  # 6458.333…
    ],
)
def test_position_amount_is_exact_and_rounded_half_up(rate, fte, months, period, amount):
    assert position_amount(Decimal(rate), Decimal(fte), months, period) == Decimal(amount)


@pytest.mark.parametrize(
    ("accept", "pdf"),
    [
        (None, False),
        ("application/pdf", True),
        ("application/pdf;q=0.9, application/json", True),
        ("application/json, application/pdf", False),
        ("*/*", False),
        ("text/html, application/pdf", True),
    ],
)
def test_pdf_only_when_asked_for(accept, pdf):
    assert wants_pdf(accept) is pdf
