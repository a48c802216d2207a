"""Dependency aliases of the funding API: who may call, which object is meant, upstreams.

Who may call which operation at all is `services.common.policy.FUNDING`, enforced on every route
by the router (services/funding/api/__init__.py); these aliases name the role a handler relies
on, and the services decide per object (route, organization)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path, Request, Response

from services.common.auth import Principal, require_roles
from services.common.caller import Creator
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep
from services.funding.clients.cases import CasesClient
from services.funding.clients.directory import DirectoryClient
from services.funding.programmes import service as programme_service
from services.funding.programmes.service import Programme
from services.funding.settings import FundingSettings

AdminUser = Annotated[Principal, Depends(require_roles("admin"))]
ApplicantUser = Annotated[Principal, Depends(require_roles("applicant"))]
ApproverUser = Annotated[Principal, Depends(require_roles("approver"))]

ApplicationId = Annotated[uuid.UUID, Path(description="The application's id")]


def _new_by_applicant(
    response: Response, session: SessionDep, who: ApplicantUser, idem: IdempotencyDep
) -> Creator:
    return Creator(who, session, response, idem, "/funding/v1")


NewByApplicant = Annotated[Creator, Depends(_new_by_applicant)]
"""A create by an applicant, once per Idempotency-Key (declares the header)."""


async def current_programme(
    session: SessionDep, programme_id: Annotated[uuid.UUID, Path(description="The programme's id")]
) -> Programme:
    """The programme of the path (404 `programme-not-found`)."""
    return await programme_service.get(session, programme_id)


CurrentProgramme = Annotated[Programme, Depends(current_programme)]


def cases_client(request: Request) -> CasesClient:
    """The cases service's client, on the app's HTTP client and this service's token."""
    settings: FundingSettings = request.app.state.settings
    return CasesClient(request.app.state.http, settings.cases_url, request.app.state.client_token)


def directory_client(request: Request) -> DirectoryClient:
    """auth's organization directory, on the app's HTTP client and this service's token."""
    return DirectoryClient(request.app.state.http, request.app.state.client_token)


Cases = Annotated[CasesClient, Depends(cases_client)]
Directory = Annotated[DirectoryClient, Depends(directory_client)]
