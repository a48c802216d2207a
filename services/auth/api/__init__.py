"""HTTP routes of the auth service."""

from fastapi import APIRouter

from services.auth.api import (
    authorize,
    clients,
    oauth,
    organizations,
    revocations,
    signing_keys,
    userinfo,
    users,
    well_known,
)
from services.common.auth import Principal
from services.common.outbox import events_router
from services.common.policy import policy_dependency
from services.common.webhooks.api import webhook_router

ALL_AUDIENCE = "all"


def event_audience(principal: Principal) -> list[str] | None:
    """Admins read every event; others their organization's and the platform-wide ones."""
    if principal.has_role("admin"):
        return None
    return [principal.org, ALL_AUDIENCE]


# services.common.policy.AUTH on every route; the routes declare their own security schemes
router = APIRouter(dependencies=[policy_dependency(declares_security=False)])
for module in (
    oauth,
    authorize,
    userinfo,
    well_known,
    users,
    clients,
    organizations,
    signing_keys,
    revocations,
):
    router.include_router(module.router)
router.include_router(events_router("auth", event_audience))
router.include_router(webhook_router("auth", event_audience))  # the feed's rule, written once
