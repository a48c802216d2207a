"""A 405 names every method the path serves, as the contract lists them (RFC 9110 `Allow`)."""

from __future__ import annotations

import httpx
from fastapi import APIRouter

from services.common.app import create_service_app
from services.common.settings import ServiceSettings

router = APIRouter(tags=["things"])


@router.get("/probe/v1/things/{thing_id}")
async def read_thing(thing_id: str) -> dict[str, str]:
    return {"id": thing_id}


@router.patch("/probe/v1/things/{thing_id}")
async def change_thing(thing_id: str) -> dict[str, str]:
    return {"id": thing_id}


async def test_405_lists_every_method_of_the_path():
    app = create_service_app(
        name="probe", title="probe", description="", settings=ServiceSettings(), routers=[router]
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.delete("/probe/v1/things/42")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, PATCH"
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/method-not-allowed")
