"""How the webhook worker paces itself (`WEBHOOKS_*`, the same for every service's worker)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# about a day: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h (23.7 h in all)
DAY_OF_RETRIES = (5.0, 30.0, 120.0, 600.0, 1800.0, 3600.0, 7200.0, 14400.0, 28800.0, 28800.0)


class WebhookSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEBHOOKS_", extra="ignore", frozen=True)

    retry_schedule_seconds: tuple[float, ...] = Field(
        DAY_OF_RETRIES,
        min_length=1,
        max_length=30,
        description="Waits before each retry of a failed delivery (JSON list); after the last "
        "one fails the event is given up and the subscription paused",
    )
    jitter: float = Field(0.2, ge=0, le=1, description="Each wait varies by up to this share")
    poll_seconds: float = Field(0.2, gt=0, le=60, description="Idle wait between outbox scans")
    lease_seconds: float = Field(
        60.0, ge=1, le=3600, description="A worker holds a subscription this long per claim"
    )
    subscriptions_per_claim: int = Field(20, ge=1, le=1000)
    deliveries_per_lease: int = Field(50, ge=1, le=10_000)
    connect_timeout_seconds: float = Field(5.0, gt=0, le=30)
    total_timeout_seconds: float = Field(15.0, gt=0, le=60)
    max_response_bytes: int = Field(65_536, ge=0, le=10 * 1024 * 1024)
