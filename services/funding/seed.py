"""Demo data of the funding service: the 2017 programme and some planning frames (idempotent)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import pool
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.orgs import org_id_for_ags
from services.funding.frames import repository as frames
from services.funding.programmes import repository as programmes
from services.funding.programmes.models import Programme, ProgrammeRate
from services.funding.settings import FundingSettings

PROGRAMME = "Integrationsmanagement 2017/2018"
FINAL_COUNT = date(2017, 9, 15)  # refugee count under § 29d FAG for the final frames
PRELIMINARY = date(2017, 3, 31)
FRAMES = (
    # ags, name, amount, status, reference date
    ("08117019", "Göppingen", "271248.00", "final", FINAL_COUNT),  # the published figure
    (
        "08117007",
        "Bad Boll",
        "23400.00",
        "preliminary",
        PRELIMINARY,
    ),  # under the minimum: consortium only
    ("08117049", "Eislingen/Fils", "86700.00", "preliminary", PRELIMINARY),
    ("08117014", "Donzdorf", "40800.00", "preliminary", PRELIMINARY),
    (
        "08119001",
        "Alfdorf",
        "30600.00",
        "final",
        FINAL_COUNT,
    ),  # Rems-Murr-Kreis: consortia may span districts
    (
        "08111000",
        "Stuttgart",
        "3315000.00",
        "final",
        FINAL_COUNT,
    ),  # Stadtkreis: skips the district step
)


async def seed(database_url: str) -> list[str]:
    """Creates the 2017 programme (116 M EUR, 24 months, rates) and the demo frames if missing."""
    url = FundingSettings(database_url=database_url).async_database_url
    engine = create_async_engine(url, poolclass=pool.NullPool)
    lines: list[str] = []
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            programme = await programmes.get_by_name(session, PROGRAMME)
            if programme is None:
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
                    [
                        ProgrammeRate(
                            programme_id=programme.id,
                            qualification="mid_level",
                            amount=Decimal("51000.00"),
                            label="Mittlerer Bildungsabschluss",
                            is_example=False,
                        ),
                        ProgrammeRate(
                            programme_id=programme.id,
                            qualification="university",
                            amount=Decimal("62000.00"),
                            label="Hochschulabschluss (Beispielwert, nicht amtlich)",
                            is_example=True,
                        ),
                    ]
                )
                lines.append(f"funding: programme {PROGRAMME} ({programme.id}), 116,000,000.00 EUR")
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
            await session.commit()
            if missing:
                lines.append(
                    f"funding: {len(missing)} planning frames ({', '.join(f[1] for f in missing)})"
                )
            else:
                lines.append("funding: demo data present")
    finally:
        await engine.dispose()
    return lines
