"""Who may reach what: every rule reads only token claims (no call to auth per request)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path, Request

from services.cases.casefile.schemas import CaseSummary
from services.cases.casefile.service import get_case
from services.cases.errors import CaseNotFound
from services.common.auth import (
    CurrentPrincipal,
    Principal,
    bearer_scheme,
    current_principal,
    require_roles,
)
from services.common.db import SessionDep

CaseId = Annotated[uuid.UUID, Path(description="Id of the case")]


async def _case_worker_or_404(principal: CurrentPrincipal) -> Principal:
    """Case ids answer 404 to everyone but case workers (of the owner: checked on load)."""
    if not principal.has_role("case_worker"):
        raise CaseNotFound()
    return principal


async def _privacy_officer_or_404(principal: CurrentPrincipal) -> Principal:
    if not principal.has_role("privacy_officer"):
        raise CaseNotFound()
    return principal


CaseWorker = Annotated[Principal, Depends(_case_worker_or_404)]
"""A case worker; cases of other organizations are filtered out by the queries."""


async def case_worker_of(request: Request) -> Principal:
    """What `CaseWorker` gives, called by the handler of the hottest route (the case GET)
    instead of declared: FastAPI's resolution of the three nested dependencies cost more CPU
    than the route's own work (make bench, issue 16). The policy dependency declares and
    checks the bearer token first; this finds it in the verifier's cache."""
    return await _case_worker_or_404(await current_principal(request, await bearer_scheme(request)))


PrivacyOfficer = Annotated[Principal, Depends(_privacy_officer_or_404)]

_case_worker_role = require_roles("case_worker")
CaseWorkerRole = Annotated[Principal, Depends(_case_worker_role)]
"""For collection endpoints: other roles get 403 (there is no id to hide)."""


async def case_worker_role_of(request: Request) -> Principal:
    """What `CaseWorkerRole` gives, called by the handler of the hottest create (a case)
    instead of declared, for the reason `case_worker_of` gives."""
    return await _case_worker_role(await current_principal(request, await bearer_scheme(request)))


CaseListReader = Annotated[Principal, Depends(require_roles("case_worker", "privacy_officer"))]


async def _current_case(case_id: CaseId, session: SessionDep, who: CaseWorker) -> CaseSummary:
    return await get_case(session, who, case_id)


CurrentCase = Annotated[CaseSummary, Depends(_current_case)]
"""The case in the path, owned by the caller's organization (404 otherwise). Sub-resources of a
case load it first, so their handlers start from a case the caller reaches."""


async def _privacy_case(case_id: CaseId, session: SessionDep, who: PrivacyOfficer) -> CaseSummary:
    return await get_case(session, who, case_id)


PrivacyCase = Annotated[CaseSummary, Depends(_privacy_case)]
"""The case in the path, for its organization's privacy officer (404 otherwise)."""
