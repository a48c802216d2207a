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
from services.common.outbox import events_router

router = APIRouter()
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
router.include_router(events_router("cases", lambda principal: [principal.org]))
