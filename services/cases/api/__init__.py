"""HTTP routes of the cases service."""

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
from services.common.policy import policy_dependency
from services.common.service_routes import service_routes


def event_audience(principal: Principal) -> list[str]:
    """Every caller reads its own organization's events (feed and webhooks alike)."""
    return [principal.org]


# services.common.policy.CASES on every route; refused case paths read as an unknown case
router = service_routes(
    "cases",
    event_audience,
    [
        cases,
        plans,
        consultations,
        referrals,
        volunteers,
        worklist,
        privacy,
        key_figures,
        case_imports,
    ],
    policy_dependency(hidden=CaseNotFound),
)
