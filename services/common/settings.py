"""Settings every service shares; each service subclasses with its own env prefix."""

from __future__ import annotations

from pydantic import Field, SecretStr
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
    revocation_poll_seconds: float = Field(
        2.0,
        gt=0,
        le=60,
        description="How often the list of revoked users, clients and sessions is read from auth",
    )
    revocation_startup_timeout_seconds: float = Field(
        60.0,
        gt=0,
        le=3600,
        description="Start-up waits this long for the first revocation list, then fails",
    )
    audit_retention_days: int = Field(
        1095,
        ge=1,
        le=36_500,
        description="Audit entries older than this are deleted by `pakt retention run` "
        "(3 years: the regular limitation period for claims about a change)",
    )
    outbox_retention_days: int = Field(
        30,
        ge=1,
        le=3650,
        description="Events older than this leave the outbox and the events feed (integrators "
        "pull at least monthly; webhooks retry for days, not weeks)",
    )
    idempotency_retention_hours: int = Field(
        24,
        ge=1,
        le=8760,
        description="Stored responses of Idempotency-Key requests are kept this long; a retry "
        "after that acts afresh (clients retry within minutes)",
    )
    retention_batch_size: int = Field(
        5000,
        ge=1,
        le=100_000,
        description="Rows deleted per transaction by `pakt retention run` (short locks)",
    )

    @property
    def async_database_url(self) -> str:
        """The URL with the asyncpg driver, whatever scheme the operator wrote."""
        url = self.database_url
        for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+asyncpg://" + url[len(prefix) :]
        return url


class FollowsAuthSettings(ServiceSettings):
    """A service that follows auth's revocation list over HTTP (cases, funding)."""

    auth_url: str = Field(
        "http://127.0.0.1:8001",
        description="Base URL of the auth service inside the platform (the revocation list)",
    )
    client_id: str = Field(
        "", description="This service's API client at auth (scope revocations:read)"
    )
    client_secret: SecretStr = Field(
        SecretStr(""),
        description="Its secret; in development, if unset, the demo secret `pakt seed` gives it",
    )
