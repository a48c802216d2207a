"""Programme use cases: set up a programme, read it with its budget."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.constraints import constraint_problems
from services.common.problem_types import texts
from services.common.problems import Conflict, InvalidInput
from services.funding.errors import ProgrammeNotFound
from services.funding.programmes import repository
from services.funding.programmes.models import Programme as Programme  # what loaders hand out
from services.funding.programmes.models import ProgrammeRate
from services.funding.programmes.schemas import ProgrammeCreate, ProgrammeRead, RateRead


def period_end(programme: Programme) -> date:
    """Last day of the funding period."""
    start = programme.period_start
    months = start.month - 1 + programme.period_months
    first_after = date(start.year + months // 12, months % 12 + 1, 1)
    return date.fromordinal(first_after.toordinal() - 1)


async def get(session: AsyncSession, programme_id: uuid.UUID) -> Programme:
    """The programme, or 404 `programme-not-found`."""
    programme = await repository.get(session, programme_id)
    if programme is None:
        raise ProgrammeNotFound(
            texts(
                "No programme with this id",
                "Kein Förderprogramm mit dieser ID",
            )
        )
    return programme


async def read(session: AsyncSession, programme: Programme) -> ProgrammeRead:
    """The programme with its rates (by qualification) and its available budget."""
    rates = await repository.rates(session, programme.id)
    return ProgrammeRead(
        **programme.model_dump(),
        period_end=period_end(programme),
        available_amount=programme.total_budget - programme.booked_amount,
        rates=[RateRead.model_validate(rates[q]) for q in sorted(rates)],
    )


async def create_programme(
    session: AsyncSession, who: Principal, body: ProgrammeCreate
) -> ProgrammeRead:
    """Creates a programme with its rates; names are unique (409 for a taken one)."""
    if body.period_start.day != 1:
        raise InvalidInput(
            texts(
                "A funding period starts on the first day of a month",
                "Ein Förderzeitraum beginnt am ersten Tag eines Monats",
            )
        )
    if body.deciding_mode == "statewide" and body.deciding_region is None:
        raise InvalidInput(
            texts(
                "A statewide programme names its deciding council in deciding_region",
                "Ein landesweites Programm nennt sein entscheidendes Regierungspräsidium in "
                "deciding_region",
            )
        )
    if len({r.qualification for r in body.rates}) != len(body.rates):
        raise InvalidInput(
            texts(
                "Each qualification may have one rate only",
                "Jede Qualifikation darf nur einen Satz haben",
            )
        )
    # the fields as given (model_dump would turn Money into its wire strings)
    fields = {k: v for k, v in body if k not in ("rates", "deciding_region")}
    statewide = body.deciding_mode == "statewide"
    programme = Programme(**fields, deciding_region=body.deciding_region if statewide else None)
    with constraint_problems(
        {
            "uq_programme_name": Conflict(
                texts(
                    "A programme with this name exists",
                    "Ein Förderprogramm mit diesem Namen gibt es schon",
                )
            )
        }
    ):
        session.add(programme)
        await session.flush()
    session.add_all(ProgrammeRate(programme_id=programme.id, **r.model_dump()) for r in body.rates)
    await session.flush()
    await record_audit(
        session, who, "programme.created", "programme", programme.id, {"name": body.name}
    )
    return await read(session, programme)


async def list_programmes(session: AsyncSession) -> list[ProgrammeRead]:
    """Every programme, in the order of their periods."""
    return [await read(session, p) for p in await repository.list_all(session)]
