"""/cases/v1/key-figures: aggregates per organization, case worker, commissioning organization
and period."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials

from services.cases.errors import InvalidPeriod
from services.cases.figures import area as area_service
from services.cases.figures import service
from services.cases.figures.directory import Directory
from services.cases.figures.schemas import AreaKeyFigures, KeyFigures, Scope
from services.cases.vocab import Day
from services.common.auth import CurrentPrincipal, bearer_scheme
from services.common.db import SessionDep
from services.common.problem_types import texts
from services.common.problems import problem_responses

router = APIRouter(tags=["key-figures"])

OrgIdQuery = Annotated[
    str,
    Query(
        min_length=1,
        max_length=64,
        description="Organization id",
        examples=["0b5a0a4e-4d0e-5c55-8a3a-6f3f3d9d9a11"],
    ),
]


def check_period(from_: Day, to: Day) -> None:
    if to < from_:
        raise InvalidPeriod(
            texts("`to` must not be before `from`", "`to` darf nicht vor `from` liegen")
        )
    if (to - from_).days > 3660:
        raise InvalidPeriod(
            texts(
                "The period may span at most ten years",
                "Der Zeitraum darf höchstens zehn Jahre umfassen",
            )
        )


async def directory(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> Directory:
    """auth's directory, read with the caller's token (verified before it is used)."""
    token = credentials.credentials if credentials is not None else ""
    return Directory(request.app.state.http, request.app.state.settings.jwks_url, token)


@router.get(
    "/cases/v1/key-figures",
    response_model=KeyFigures,
    responses=problem_responses(400, 401, 403, 422, 503),
    summary="Key figures (Kennzahlen) of an organization",
    description="Aggregates for the period `from`..`to` (inclusive), in total and per case worker: "
    "persons counselled, new cases, plans created and revised, consultations and hours, goals by "
    "field and status, referrals by agency, cases closed by reason. Counts from 1 to 4 read "
    '"<5"; a total whose cells include a "<5" reads null (secondary suppression). '
    "`commissioned_by` (or `grant_id`) limits them to the cases a charity delivered for that "
    "commissioning organization (or under that grant). Readable by any member of the organization "
    "itself, by the commissioning organization for its own commissioned cases, and by "
    "`analyst`, `district_reviewer` and `approver` callers whose `org_path` is a prefix of the "
    "organization's place in the directory (ministry: everywhere); others get 403 "
    "`outside-area`, whether or not the organization has cases. The funding service's client "
    "(scope `figures:exact`) reads exact counts for proofs of use. No personal data, so reads "
    "are not access-logged.",
)
async def read_key_figures(
    session: SessionDep,
    who: CurrentPrincipal,
    where: Annotated[Directory, Depends(directory)],
    org: OrgIdQuery,
    from_: Annotated[
        Day, Query(alias="from", description="First day of the period", examples=["2026-01-01"])
    ],
    to: Annotated[Day, Query(description="Last day of the period", examples=["2026-12-31"])],
    case_worker: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Only this case worker")
    ] = None,
    commissioned_by: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            description="Only cases delivered for this commissioning organization (its id)",
        ),
    ] = None,
    grant_id: Annotated[
        uuid.UUID | None, Query(description="Only cases delivered under this grant")
    ] = None,
) -> KeyFigures:
    check_period(from_, to)
    scope = Scope(org, from_, to, case_worker, commissioned_by, grant_id)
    return await service.key_figures(session, who, where, scope)


@router.get(
    "/cases/v1/key-figures/area",
    response_model=AreaKeyFigures,
    responses=problem_responses(400, 401, 403, 422),
    summary="Key figures of a district, a region or the whole state",
    description="Totals of every organization whose place in the state (`org_path`) lies in "
    "`area` (an AGS key: `08` the state, `081` a region, `08117` a district), for whole months "
    "`from`..`to`: new cases, plans created and revised, consultations and hours, referrals by "
    'agency, cases closed by reason. Counts from 1 to 4 read "<5". Persons counselled and goals '
    "do not add up across months and organizations: read them per organization. Read from "
    "monthly aggregates kept with every change, so the whole state costs as much as a district. "
    "For `analyst`, `district_reviewer` and `approver` callers whose own area contains `area` "
    "(ministry: every area); others get 403 `outside-area`.",
)
async def read_area_key_figures(
    session: SessionDep,
    who: CurrentPrincipal,
    area: Annotated[
        str,
        Query(
            pattern=r"^[0-9]{2,12}$",
            description="AGS key of the area (state, region, district or municipality)",
            examples=["08117"],
        ),
    ],
    from_: Annotated[
        Day, Query(alias="from", description="First day of a month", examples=["2026-01-01"])
    ],
    to: Annotated[Day, Query(description="Last day of a month", examples=["2026-12-31"])],
) -> AreaKeyFigures:
    check_period(from_, to)
    return await area_service.area_figures(session, who, area, from_, to)
