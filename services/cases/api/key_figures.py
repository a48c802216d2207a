"""/cases/v1/key-figures: aggregates per organization, case worker and period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.cases.errors import InvalidPeriod
from services.cases.figures import service
from services.cases.figures.schemas import KeyFigures
from services.cases.vocab import Day
from services.common.auth import CurrentPrincipal
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["key-figures"])


@router.get(
    "/cases/v1/key-figures",
    response_model=KeyFigures,
    responses=problem_responses(400, 401, 403, 422),
    summary="Key figures (Kennzahlen) of an organization",
    description="Aggregates for the period `from`..`to` (inclusive), in total and per case worker: "
    "persons counselled, new cases, plans created and revised, consultations and hours, goals by "
    'field and status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "<5". '
    "Readable by any member of the organization itself, and by `analyst`, `district_reviewer` and "
    "`approver` callers whose `org_path` is a prefix of the organization's (ministry: everywhere); "
    "others get 403 `outside-area`. The funding service reads this with a client-credentials token "
    "for proofs of use. No personal data, so reads are not access-logged.",
)
async def read_key_figures(
    session: SessionDep,
    who: CurrentPrincipal,
    org: Annotated[
        str,
        Query(
            min_length=1,
            max_length=64,
            description="Organization id",
            examples=["0b5a0a4e-4d0e-5c55-8a3a-6f3f3d9d9a11"],
        ),
    ],
    from_: Annotated[
        Day, Query(alias="from", description="First day of the period", examples=["2026-01-01"])
    ],
    to: Annotated[Day, Query(description="Last day of the period", examples=["2026-12-31"])],
    case_worker: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Only this case worker")
    ] = None,
) -> KeyFigures:
    if to < from_:
        raise InvalidPeriod("`to` must not be before `from`")
    if (to - from_).days > 3660:
        raise InvalidPeriod("The period may span at most ten years")
    return await service.key_figures(session, who, org, from_, to, case_worker)
