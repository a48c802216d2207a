"""Dependency aliases of the funding API: who may call, which object is meant."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path

from services.common.auth import Principal, require_roles
from services.common.db import SessionDep
from services.funding.programmes import service as programme_service
from services.funding.programmes.service import Programme

AdminUser = Annotated[Principal, Depends(require_roles("admin"))]
ApplicantUser = Annotated[Principal, Depends(require_roles("applicant"))]
ApproverUser = Annotated[Principal, Depends(require_roles("approver"))]

ApplicationId = Annotated[uuid.UUID, Path(description="The application's id")]


async def current_programme(
    session: SessionDep, programme_id: Annotated[uuid.UUID, Path(description="The programme's id")]
) -> Programme:
    """The programme of the path (404 `programme-not-found`)."""
    return await programme_service.get(session, programme_id)


CurrentProgramme = Annotated[Programme, Depends(current_programme)]
