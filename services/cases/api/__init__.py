"""HTTP routes of the cases service."""

from fastapi import APIRouter

from services.cases.api import (
    case_imports,
    cases,
    consultations,
    key_figures,
    plans,
    privacy,
    referrals,
    volunteers,
    worklist,
)
from services.cases.errors import CaseNotFound
from services.common.auth import Principal
from services.common.outbox import events_router
from services.common.policy import policy_dependency
from services.common.webhooks.api import webhook_router

# services.common.policy.CASES on every route; refused case paths read as an unknown case
router = APIRouter(dependencies=[policy_dependency(hidden=CaseNotFound)])
for module in (
    cases,
    plans,
    consultations,
    referrals,
    volunteers,
    worklist,
    privacy,
    key_figures,
    case_imports,
):
    router.include_router(module.router)


def event_audience(principal: Principal) -> list[str]:
    """Every caller reads its own organization's events (feed and webhooks alike)."""
    return [principal.org]


router.include_router(events_router("cases", event_audience))
router.include_router(webhook_router("cases", event_audience))
