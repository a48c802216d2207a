"""Helpers that move an application along its route through the API."""

from __future__ import annotations

from typing import Any

from tests.funding.personas import GOEPPINGEN, LRA_GOEPPINGEN, RP_STUTTGART, Org
from tests.support.apps import ServiceUnderTest

ONE_POSITION = [
    {
        "manager_name": "Aylin Demir",
        "qualification": "mid_level",
        "fte": "1.00",
        "start_on": "2017-07-01",
        "months": 24,
    }
]

ACTORS: dict[str, tuple[Org, str]] = {
    "applicant": (GOEPPINGEN, "applicant"),
    "reviewer": (LRA_GOEPPINGEN, "district_reviewer"),
    "approver": (RP_STUTTGART, "approver"),
}

BODIES: dict[str, dict[str, Any]] = {
    "submit": {"action": "submit"},
    "withdraw": {"action": "withdraw", "comment": "Stelle nicht besetzbar"},
    "forward": {"action": "forward", "comment": "Befürwortet"},
    "return": {"action": "return", "comment": "Qualifikation der Stelle 1 fehlt"},
    "approve": {"action": "approve"},
    "partially_approve": {"action": "partially_approve", "granted_amount": "25500.00"},
    "reject": {"action": "reject", "comment": "Nicht förderfähig"},
}

# how to reach each state from a fresh draft
PATHS: dict[str, list[tuple[str, str]]] = {
    "draft": [],
    "submitted": [("applicant", "submit")],
    "forwarded": [("applicant", "submit"), ("reviewer", "forward")],
    "returned_to_applicant": [("applicant", "submit"), ("reviewer", "return")],
    "returned_to_district": [
        ("applicant", "submit"),
        ("reviewer", "forward"),
        ("approver", "return"),
    ],
    "approved": [("applicant", "submit"), ("reviewer", "forward"), ("approver", "approve")],
    "partially_approved": [
        ("applicant", "submit"),
        ("reviewer", "forward"),
        ("approver", "partially_approve"),
    ],
    "rejected": [("applicant", "submit"), ("reviewer", "forward"), ("approver", "reject")],
    "withdrawn": [("applicant", "submit"), ("applicant", "withdraw")],
}


async def create_draft(
    sut: ServiceUnderTest, programme: dict[str, Any], org: Org = GOEPPINGEN, **extra: Any
) -> dict[str, Any]:
    body = {
        "programme_id": programme["id"],
        "delivery_model": "own_staff",
        "positions": ONE_POSITION,
        **extra,
    }
    r = await sut.client.post(
        "/funding/v1/applications", json=body, headers=org.headers(sut.tokens, "applicant")
    )
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


async def act(
    sut: ServiceUnderTest,
    app_id: str,
    actor: str,
    action: str,
    etag: str | None = None,
    **overrides: Any,
) -> Any:
    org, role = ACTORS[actor]
    headers = org.headers(sut.tokens, role)
    if etag is None:
        etag = (
            await sut.client.get(f"/funding/v1/applications/{app_id}", headers=headers)
        ).headers.get("etag", '"0"')
    return await sut.client.post(
        f"/funding/v1/applications/{app_id}/transitions",
        json={**BODIES[action], **overrides},
        headers={**headers, "If-Match": etag},
    )


async def bring_to(sut: ServiceUnderTest, app_id: str, state: str, version: int = 1) -> int:
    """Moves a fresh draft (at `version`) to `state`; returns the new version."""
    for actor, action in PATHS[state]:
        r = await act(sut, app_id, actor, action, etag=f'"{version}"')
        assert r.status_code == 201, r.text
        version += 1
    return version
