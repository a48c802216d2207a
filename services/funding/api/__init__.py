"""HTTP routes of the funding service."""

from fastapi import APIRouter

from services.common.auth import Principal
from services.common.outbox import events_router
from services.common.policy import PolicyDep
from services.common.webhooks.api import webhook_router
from services.funding.api import (
    applications,
    consortia,
    decision_batches,
    decision_notices,
    planning_frames,
    programmes,
    proofs,
    transitions,
)


def _audience(who: Principal) -> list[str] | None:
    """Admins read every event; everyone else the events of their organization's routes."""
    return None if who.has_role("admin") else [who.org]


router = APIRouter(dependencies=[PolicyDep])  # services.common.policy.FUNDING, every route
for module in (
    programmes,
    planning_frames,
    consortia,
    applications,
    transitions,
    decision_batches,
    decision_notices,
    proofs,
):
    router.include_router(module.router)
router.include_router(events_router("funding", _audience))
router.include_router(webhook_router("funding", _audience))  # the feed's rule, written once
