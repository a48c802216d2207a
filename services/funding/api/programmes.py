"""/funding/v1/programmes: the programmes, their rates and budgets."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.common.auth import CurrentPrincipal
from services.common.concurrency import SENDS_ETAG, set_etag
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import AdminUser, CurrentProgramme
from services.funding.programmes import service as programme_service
from services.funding.programmes.schemas import ProgrammeCreate, ProgrammeRead

router = APIRouter(prefix="/funding/v1/programmes", tags=["programmes"])


@router.post(
    "",
    **creates(400, 401, 403, 409, 422),
    summary="Set up a programme",
)
async def create_programme(
    body: ProgrammeCreate, session: SessionDep, who: AdminUser
) -> ProgrammeRead:
    """Creates a programme with its rates (admins)."""
    out = await programme_service.create_programme(session, who, body)
    await session.commit()
    return out


@router.get("", responses=problem_responses(401), summary="List programmes")
async def list_programmes(session: SessionDep, who: CurrentPrincipal) -> Page[ProgrammeRead]:
    """Every programme with its rates and how much of its budget is booked, on one page
    (`next_cursor` is null: there are a handful; follow it anyway, as with every list)."""
    return Page(items=await programme_service.list_programmes(session))


@router.get(
    "/{programme_id}",
    responses={**problem_responses(401, 404, 422), **SENDS_ETAG},
    summary="Read a programme",
)
async def get_programme(
    programme: CurrentProgramme, session: SessionDep, who: CurrentPrincipal, response: Response
) -> ProgrammeRead:
    """A programme with its rates, total budget, booked and available amounts."""
    set_etag(response, programme.version)
    return await programme_service.read(session, programme)
