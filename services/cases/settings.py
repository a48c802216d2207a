"""Configuration of the cases service (environment variables prefixed CASES_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.common.settings import FollowsAuthSettings


class CasesSettings(FollowsAuthSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", frozen=True)

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/pakt_cases"
    client_id: str = Field(
        "pakt-cases", description="This service's API client at auth (scope revocations:read)"
    )
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
        description="Closed cases older than this are anonymized by `pakt retention run` "
        "(or `pakt cases anonymize`)",
    )
    access_log_retention_days: int = Field(
        2 * 365,
        ge=1,
        le=36_500,
        description="Access-log entries (who read personal data) older than this are deleted "
        "by `pakt retention run` (BDSG § 76: to the end of the following year)",
    )
    review_due_soon_days: int = Field(
        14, ge=0, description="Worklist: reviews within this many days are upcoming"
    )
