"""HTTP routes of the funding service."""

from services.common.auth import Principal
from services.common.policy import PolicyDep
from services.common.service_routes import service_routes
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


modules = [programmes, planning_frames, consortia, applications, transitions, decision_batches]
# services.common.policy.FUNDING on every route
router = service_routes("funding", _audience, [*modules, decision_notices, proofs], PolicyDep)
