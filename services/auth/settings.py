"""Configuration of the auth service (environment variables prefixed AUTH_)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from services.common.demo import DEMO_SECRET_SEED
from services.common.settings import ServiceSettings

DEV_KEY_ENCRYPTION_KEY = "pakt-dev-only-key-encryption-key"  # documented dev default


class AuthSettings(ServiceSettings):
    """Token lifetimes, key encryption, password hashing cost and login throttling."""

    model_config = SettingsConfigDict(env_prefix="AUTH_", extra="ignore", frozen=True)

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/pakt_auth"
    access_token_ttl_seconds: int = Field(900, ge=60, le=86_400)
    refresh_token_ttl_seconds: int = Field(30 * 86_400, ge=300, le=365 * 86_400)
    key_encryption_key: SecretStr = Field(
        SecretStr(DEV_KEY_ENCRYPTION_KEY),
        description="Encrypts the private signing keys at rest (AUTH_KEY_ENCRYPTION_KEY)",
    )
    key_publish_ahead_seconds: int = Field(
        30,
        ge=0,
        le=3600,
        description="A rotated-in key is published this long before it signs (verifiers fetch it)",
    )
    rsa_key_bits: int = Field(2048, ge=2048, le=4096)
    key_refresh_min_seconds: float = Field(1.0, ge=0, le=300)
    argon2_time_cost: int = Field(3, ge=1, le=20)
    argon2_memory_kib: int = Field(65_536, ge=8, le=1_048_576)
    argon2_parallelism: int = Field(2, ge=1, le=16)
    login_free_attempts: int = Field(
        5, ge=1, le=100, description="failures per account before delays"
    )
    login_ip_free_attempts: int = Field(
        20, ge=1, le=10_000, description="failures per IP before delays"
    )
    login_base_delay_seconds: int = Field(2, ge=1, le=3600)
    login_max_lockout_seconds: int = Field(900, ge=1, le=86_400)
    login_failure_window_seconds: int = Field(900, ge=1, le=86_400)
    trusted_proxies: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Peers whose X-Real-IP / X-Forwarded-For is believed (the gateway)",
    )
    password_grant_enabled: bool | None = Field(
        None,
        description="Allow the OAuth2 password grant (development and first-party tools only); "
        "unset: on in development, off elsewhere",
    )
    authorization_code_ttl_seconds: int = Field(
        60, ge=5, le=600, description="Lifetime of an authorization code (single use)"
    )
    totp_required: bool = Field(
        False,
        description="admin and approver must use a TOTP second factor (the login page enrols "
        "them on their next login)",
    )
    demo_secret_seed: SecretStr = Field(
        SecretStr(DEMO_SECRET_SEED),
        description="Demo client secrets are derived from this, so reseeding keeps them stable",
    )

    @property
    def password_grant_allowed(self) -> bool:
        """The password grant's setting, defaulting to on in development only."""
        if self.password_grant_enabled is None:
            return self.environment == "development"
        return self.password_grant_enabled
