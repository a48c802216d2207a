"""Operator commands of funding; `pakt retention run` calls `retention` for its database."""

from __future__ import annotations

from services.common.retention import Removed, enforce_for
from services.funding.settings import FundingSettings


async def retention(settings: FundingSettings | None = None) -> list[Removed]:
    """`pakt retention run` for funding: its audit trail, outbox and idempotency records."""
    return await enforce_for(settings or FundingSettings(), app_name="pakt-funding-retention")
