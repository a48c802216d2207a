"""Programme use cases: set up a programme, read it with its budget."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.problems import Conflict, InvalidInput
from services.funding.errors import ProgrammeNotFound
from services.funding.programmes import repository
from services.funding.programmes.models import Programme, ProgrammeRate
from services.funding.programmes.schemas import ProgrammeCreate, ProgrammeRead, RateRead


def period_end(programme: Programme) -> date:
    """Last day of the funding period."""
    start = programme.period_start
    months = start.month - 1 + programme.period_months
    first_after = date(start.year + months // 12, months % 12 + 1, 1)
    return date.fromordinal(first_after.toordinal() - 1)


async def get(session: AsyncSession, programme_id: uuid.UUID) -> Programme:
    programme = await repository.get(session, programme_id)
    if programme is None:
        raise ProgrammeNotFound("No programme with this id")
    return programme


async def read(session: AsyncSession, programme: Programme) -> ProgrammeRead:
    rates = await repository.rates(session, programme.id)
    return ProgrammeRead(
        id=programme.id,
        name=programme.name,
        period_start=programme.period_start,
        period_end=period_end(programme),
        period_months=programme.period_months,
        total_budget=programme.total_budget,
        booked_amount=programme.booked_amount,
        available_amount=programme.total_budget - programme.booked_amount,
        min_fte=programme.min_fte,
        min_frame=programme.min_frame,
        deciding_mode=programme.deciding_mode,
        deciding_region=programme.deciding_region,
        proof_due_months=programme.proof_due_months,
        rates=[
            RateRead.model_validate(r)
            for r in sorted(rates.values(), key=lambda r: r.qualification)
        ],
    )


async def create_programme(
    session: AsyncSession, who: Principal, body: ProgrammeCreate
) -> Programme:
    """Creates a programme with its rates; names are unique."""
    if body.period_start.day != 1:
        raise InvalidInput("A funding period starts on the first day of a month")
    if body.deciding_mode == "statewide" and body.deciding_region is None:
        raise InvalidInput("A statewide programme names its deciding council in deciding_region")
    if len({r.qualification for r in body.rates}) != len(body.rates):
        raise InvalidInput("Each qualification may have one rate only")
    if await repository.get_by_name(session, body.name) is not None:
        raise Conflict("A programme with this name exists")
    programme = Programme(
        name=body.name,
        period_start=body.period_start,
        period_months=body.period_months,
        total_budget=body.total_budget,
        min_fte=body.min_fte,
        min_frame=body.min_frame,
        deciding_mode=body.deciding_mode,
        deciding_region=body.deciding_region if body.deciding_mode == "statewide" else None,
        proof_due_months=body.proof_due_months,
    )
    session.add(programme)
    await session.flush()
    for rate in body.rates:
        session.add(ProgrammeRate(programme_id=programme.id, **rate.model_dump()))
    await session.flush()
    await record_audit(
        session, who, "programme.created", "programme", programme.id, {"name": body.name}
    )
    return programme


async def list_programmes(session: AsyncSession) -> list[ProgrammeRead]:
    return [await read(session, p) for p in await repository.list_all(session)]
