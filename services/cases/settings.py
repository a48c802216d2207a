"""Configuration of the cases service (environment variables prefixed CASES_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.common.settings import ServiceSettings


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", frozen=True)

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/pakt_cases"
    db_pool_size: int = Field(
        32,
        ge=1,
        le=200,
        description="Pooled connections (as many again may overflow); sized above the usual number "
        "of concurrent requests so busy periods do not open and close connections per request",
    )
    retention_days: int = Field(
        3 * 365,
        ge=0,
        description="Closed cases older than this are anonymized by `pakt cases anonymize`",
    )
    review_due_soon_days: int = Field(
        14, ge=0, description="Worklist: reviews within this many days are upcoming"
    )
