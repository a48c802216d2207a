"""HTTP helpers for the consortium and frame-ceiling tests: draft, act, read usage."""

from __future__ import annotations

from typing import Any

from httpx import Response

from tests.funding.personas import Org
from tests.support.apps import ServiceUnderTest

MID = "51000.00"  # one mid-level full-time position for the whole period


def positions(n: int) -> list[dict[str, Any]]:
    """`n` full-time mid-level positions: n × 51,000.00."""
    return [
        {
            "manager_name": f"Manager {i}",
            "qualification": "mid_level",
            "fte": "1.00",
            "start_on": "2017-07-01",
            "months": 24,
        }
        for i in range(n)
    ]


async def draft(
    sut: ServiceUnderTest, programme: dict[str, Any], org: Org, n: int, **extra: Any
) -> Response:
    body = {
        "programme_id": programme["id"],
        "delivery_model": "own_staff",
        "positions": positions(n),
        **extra,
    }
    return await sut.client.post(
        "/funding/v1/applications", json=body, headers=org.headers(sut.tokens, "applicant")
    )


async def act(
    sut: ServiceUnderTest, app_id: str, org: Org, role: str, action: str, **body: Any
) -> Response:
    """Reads the application's ETag as `org` and takes `action` with it."""
    headers = org.headers(sut.tokens, role)
    read = await sut.client.get(f"/funding/v1/applications/{app_id}", headers=headers)
    if "comment" not in body and action in ("return", "reject", "withdraw"):
        body["comment"] = "Begründung"
    return await sut.client.post(
        f"/funding/v1/applications/{app_id}/transitions",
        json={"action": action, **body},
        headers={**headers, "If-Match": read.headers.get("etag", '"0"')},
    )


async def usage(
    sut: ServiceUnderTest, programme: dict[str, Any], ags: str, org: Org, role: str
) -> Response:
    return await sut.client.get(
        f"/funding/v1/programmes/{programme['id']}/planning-frames/{ags}/usage",
        headers=org.headers(sut.tokens, role),
    )


async def form(
    sut: ServiceUnderTest, programme: dict[str, Any], lead: Org, members: list[str], name: str
) -> Response:
    return await sut.client.post(
        "/funding/v1/consortia",
        json={"programme_id": programme["id"], "name": name, "member_ags": members},
        headers=lead.headers(sut.tokens, "applicant"),
    )


async def answer(
    sut: ServiceUnderTest,
    consortium_id: str,
    ags: str,
    org: Org,
    what: str,
    role: str = "applicant",
) -> Response:
    """`what`: acceptance, decline or leave, as `org`, at the consortium's current version."""
    headers = org.headers(sut.tokens, role)
    read = await sut.client.get(f"/funding/v1/consortia/{consortium_id}", headers=headers)
    return await sut.client.post(
        f"/funding/v1/consortia/{consortium_id}/members/{ags}/{what}",
        headers={**headers, "If-Match": read.headers.get("etag", '"0"')},
    )
