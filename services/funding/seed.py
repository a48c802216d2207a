"""Demo data of the funding service: the 2017 programme and some planning frames (idempotent)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.db import script_session
from services.common.orgs import org_id_for_ags
from services.funding.frames import repository as frames
from services.funding.programmes import repository as programmes
from services.funding.programmes.models import Programme, ProgrammeRate
from services.funding.settings import FundingSettings

PROGRAMME = "Integrationsmanagement 2017/2018"
FINAL_COUNT = date(2017, 9, 15)  # refugee count under § 29d FAG for the final frames
PRELIMINARY = date(2017, 3, 31)
RATES = (
    # qualification, amount, label, is_example
    ("mid_level", "51000.00", "Mittlerer Bildungsabschluss", False),
    ("university", "62000.00", "Hochschulabschluss (Beispielwert, nicht amtlich)", True),
)
FRAMES = (
    # ags, name, amount, status, reference date
    ("08117019", "Göppingen", "271248.00", "final", FINAL_COUNT),  # the published figure
    # under the minimum: consortium only
    ("08117007", "Bad Boll", "23400.00", "preliminary", PRELIMINARY),
    ("08117049", "Eislingen/Fils", "86700.00", "preliminary", PRELIMINARY),
    ("08117014", "Donzdorf", "40800.00", "preliminary", PRELIMINARY),
    # Rems-Murr-Kreis: consortia may span districts
    ("08119001", "Alfdorf", "30600.00", "final", FINAL_COUNT),
    # Stadtkreis: skips the district step
    ("08111000", "Stuttgart", "3315000.00", "final", FINAL_COUNT),
)


async def _programme(session: AsyncSession, lines: list[str]) -> Programme:
    """The demo programme with its rates, created when missing."""
    programme = await programmes.get_by_name(session, PROGRAMME)
    if programme is not None:
        return programme
    programme = Programme(
        name=PROGRAMME,
        period_start=date(2017, 1, 1),
        period_months=24,
        total_budget=Decimal("116000000.00"),
        min_fte=Decimal("0.25"),
        min_frame=Decimal("51000.00"),
        deciding_mode="statewide",
        deciding_region="081",
        proof_due_months=3,
    )
    session.add(programme)
    await session.flush()
    session.add_all(
        ProgrammeRate(
            programme_id=programme.id,
            qualification=qualification,
            amount=Decimal(amount),
            label=label,
            is_example=is_example,
        )
        for qualification, amount, label, is_example in RATES
    )
    await session.flush()
    lines.append(f"funding: programme {PROGRAMME} ({programme.id}), 116,000,000.00 EUR")
    return programme


async def _frames(session: AsyncSession, programme: Programme, lines: list[str]) -> None:
    """The demo frames the programme does not have yet (existing ones stay as they are)."""
    existing = await frames.frames_by_ags(session, programme.id, [f[0] for f in FRAMES])
    missing = [f for f in FRAMES if f[0] not in existing]
    await frames.upsert_frames(
        session,
        [
            {
                "programme_id": programme.id,
                "ags": ags,
                "org_id": org_id_for_ags(ags),
                "name": name,
                "amount": Decimal(amount),
                "status": status,
                "reference_date": ref,
                "version": 1,
            }
            for ags, name, amount, status, ref in missing
        ],
    )
    if missing:
        lines.append(
            f"funding: {len(missing)} planning frames ({', '.join(f[1] for f in missing)})"
        )


async def seed(database_url: str) -> list[str]:
    """Creates the 2017 programme (116 M EUR, 24 months, rates) and the demo frames if missing."""
    url = FundingSettings(database_url=database_url).async_database_url
    lines: list[str] = []
    async with script_session(url, app_name="pakt-funding-seed") as session:
        programme = await _programme(session, lines)
        await _frames(session, programme, lines)
        await session.commit()
    return lines or ["funding: demo data present"]
