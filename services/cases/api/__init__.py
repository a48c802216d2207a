"""HTTP routes of the cases service."""

from fastapi import APIRouter

from services.cases.api import cases, consultations, plans, referrals, volunteers, worklist
from services.common.outbox import events_router

router = APIRouter()
for module in (cases, plans, consultations, referrals, volunteers, worklist):
    router.include_router(module.router)
router.include_router(events_router("cases", lambda principal: [principal.org]))
