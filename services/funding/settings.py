"""Configuration of the funding service (environment variables prefixed FUNDING_)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from services.common.settings import FollowsAuthSettings


class FundingSettings(FollowsAuthSettings):
    model_config = SettingsConfigDict(env_prefix="FUNDING_", extra="ignore", frozen=True)

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/pakt_funding"
    cases_url: str = Field(
        "http://127.0.0.1:8002",
        description="Base URL of the cases service (key figures for proofs of use)",
    )
    auth_token_url: str = Field(
        "http://127.0.0.1:8001/auth/v1/token",
        description="Token endpoint for the client_credentials grant",
    )
    client_id: str = Field(
        "pakt-funding",
        description="This service's API client at the auth service (scope figures:exact: exact "
        "key figures for proofs of use)",
    )
    client_secret: SecretStr = Field(
        SecretStr(""), description="Its secret (FUNDING_CLIENT_SECRET)"
    )
