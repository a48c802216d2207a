"""HTTP routes of the auth service."""

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
from services.auth.keys import ALL_AUDIENCE
from services.common.auth import Principal
from services.common.policy import policy_dependency
from services.common.service_routes import service_routes


def event_audience(principal: Principal) -> list[str] | None:
    """Admins read every event; others their organization's and the platform-wide ones."""
    if principal.has_role("admin"):
        return None
    return [principal.org, ALL_AUDIENCE]


# services.common.policy.AUTH on every route; the routes declare their own security schemes
router = service_routes(
    "auth",
    event_audience,
    [
        oauth,
        authorize,
        userinfo,
        well_known,
        users,
        clients,
        organizations,
        signing_keys,
        revocations,
    ],
    policy_dependency(declares_security=False),
)
