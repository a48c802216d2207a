"""Settings every service shares; each service subclasses with its own env prefix."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_ISSUER = "http://127.0.0.1:8080/auth"
DEFAULT_AUDIENCE = "pakt-api"


class ServiceSettings(BaseSettings):
    """Configuration read from the environment (`<SERVICE>_<SETTING>`), loaded once per app."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    environment: str = "development"
    database_url: str = Field(
        default="postgresql+asyncpg://postgres@127.0.0.1:5432/pakt",
        description="SQLAlchemy URL of this service's own database",
    )
    db_pool_size: int = 20
    db_statement_timeout_ms: int = 15_000
    jwt_issuer: str = DEFAULT_ISSUER
    jwt_audience: str = DEFAULT_AUDIENCE
    jwks_url: str = "http://127.0.0.1:8001/auth/.well-known/jwks.json"
    jwks_ttl_seconds: int = 300
    jwt_leeway_seconds: int = 30
    log_level: str = "INFO"
    log_json: bool = True
    public_base_url: str = "http://127.0.0.1:8080"

    @property
    def async_database_url(self) -> str:
        """The URL with the asyncpg driver, whatever scheme the operator wrote."""
        url = self.database_url
        for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+asyncpg://" + url[len(prefix) :]
        return url
