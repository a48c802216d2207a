"""Configuration of the cases service (environment variables prefixed CASES_)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from services.common.settings import ServiceSettings


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore", frozen=True)

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/pakt_cases"
