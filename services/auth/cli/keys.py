"""`pakt keys ...`: the token signing keys."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import typer
from sqlalchemy import Row, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.cli.base import actor, in_transaction, keys_app, print_table
from services.auth.keys import rotate_signing_key
from services.auth.models import signing_key
from services.auth.settings import AuthSettings
from services.common.sql import run


@keys_app.command("rotate")
def rotate_keys() -> None:
    """Publish a new signing key; it signs after AUTH_KEY_PUBLISH_AHEAD_SECONDS."""
    kid, activates_at = in_transaction(
        lambda session, settings: rotate_signing_key(session, settings, actor())
    )
    typer.echo(f"new signing key {kid} is published and signs from {activates_at.isoformat()}")
    typer.echo("the previous key stays published until the tokens it signed have expired")


def _key_state(row: Row[Any], now: datetime) -> str:
    if row.retired_at is not None and row.retired_at <= now:
        return "retired"
    if row.activates_at > now:
        return "published, signs later"
    return "signing" if row.retired_at is None else "signing until rotation"


@keys_app.command("list")
def list_keys() -> None:
    """List signing keys, newest first: kid, when it signs from, when it retired, state."""

    async def work(session: AsyncSession, _: AuthSettings) -> list[Row[Any]]:
        columns = (signing_key.c.kid, signing_key.c.activates_at, signing_key.c.retired_at)
        stmt = select(*columns).order_by(signing_key.c.activates_at.desc())
        return list((await run(session, stmt)).all())

    now = datetime.now(UTC)
    rows = [("KID", "SIGNS_FROM", "RETIRED_AT", "STATE")]
    for key in in_transaction(work):
        retired = key.retired_at.isoformat(timespec="seconds") if key.retired_at else "-"
        signs = key.activates_at.isoformat(timespec="seconds")
        rows.append((key.kid, signs, retired, _key_state(key, now)))
    print_table(rows)
