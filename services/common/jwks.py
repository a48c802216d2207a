"""Where verifiers find public keys: a cached remote JWKS, or a fixed set."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Protocol

import httpx
import structlog

log = structlog.get_logger("pakt.jwks")


class KeyResolver(Protocol):
    async def key_for(self, kid: str) -> dict[str, Any] | None:
        """The public JWK with this `kid`, or None when it is unknown."""


class StaticKeys:
    """A fixed key set (auth's own keys, or a test key pair)."""

    def __init__(self, jwks: dict[str, Any]) -> None:
        self._keys = {k["kid"]: k for k in jwks.get("keys", [])}

    async def key_for(self, kid: str) -> dict[str, Any] | None:
        return self._keys.get(kid)


class JWKSCache:
    """Keys fetched from auth's JWKS over HTTP, kept for `ttl` seconds.

    An unknown `kid` triggers one refetch, at most once per `min_refresh` seconds, so a
    flood of forged kids cannot turn into a flood of requests to auth.
    """

    def __init__(
        self, client: httpx.AsyncClient, url: str, *, ttl: float = 300, min_refresh: float = 10
    ) -> None:
        self._client = client
        self._url = url
        self._ttl = ttl
        self._min_refresh = min_refresh
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = float("-inf")
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def _refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._fetched_at < self._min_refresh:
                return  # someone else just refreshed
            self._fetched_at = time.monotonic()
            self.fetches += 1
            try:
                response = await self._client.get(self._url, timeout=5)
                response.raise_for_status()
                keys = response.json().get("keys", [])
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("jwks_fetch_failed", url=self._url, error=str(exc))
                return  # keep serving the keys we have
            self._keys = {k["kid"]: k for k in keys if isinstance(k, dict) and "kid" in k}

    async def key_for(self, kid: str) -> dict[str, Any] | None:
        stale = time.monotonic() - self._fetched_at > self._ttl
        if stale or kid not in self._keys:
            await self._refresh()
        return self._keys.get(kid)
