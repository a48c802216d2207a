"""Funding's part of `pakt retention run` (`retention`); `pakt funding import-frames` is the
launcher's (services/cli/imports.py), as it calls the same function as the API's import."""

from __future__ import annotations

from services.common.retention import Removed, enforce_for
from services.funding.settings import FundingSettings


async def retention(
    settings: FundingSettings | None = None, dry_run: bool = False
) -> list[Removed]:
    """`pakt retention run` for funding: its audit trail, outbox and idempotency records."""
    return await enforce_for(
        settings or FundingSettings(), app_name="pakt-funding-retention", dry_run=dry_run
    )
