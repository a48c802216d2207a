"""Access tokens for calls to other services: client_credentials, cached until near expiry."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping

import httpx

from services.common.problem_types import texts
from services.funding.errors import UpstreamUnavailable


class ClientCredentials:
    """Fetches and caches this service's access token; one fetch at a time."""

    def __init__(
        self,
        http: Callable[[], httpx.AsyncClient],
        token_url: str,
        client_id: str,
        client_secret: str,
    ) -> None:
        self.http = http  # the app's current client, looked up per call
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    @property
    def auth_base_url(self) -> str:
        """The auth service's base URL, from its token endpoint (`.../auth/v1/token`)."""
        return self.token_url.removesuffix("/auth/v1/token").rstrip("/")

    async def token(self) -> str:
        async with self._lock:
            if self._token is None or time.time() > self._expires_at - 30:
                self._token, self._expires_at = await self._fetch()
            return self._token

    def forget(self) -> None:
        self._token = None

    async def _fetch(self) -> tuple[str, float]:
        try:
            r = await self.http().post(
                self.token_url,
                data={"grant_type": "client_credentials"},
                auth=(self.client_id, self.client_secret),
            )
        except httpx.HTTPError as exc:
            raise UpstreamUnavailable(
                texts(
                    "The auth service cannot be reached",
                    "Der Auth-Dienst ist nicht erreichbar",
                )
            ) from exc
        if r.status_code != 200:
            raise UpstreamUnavailable(
                texts(
                    f"The auth service refused this service's client ({r.status_code})",
                    f"Der Auth-Dienst hat den Client dieses Dienstes abgelehnt ({r.status_code})",
                )
            )
        body = r.json()
        return str(body["access_token"]), time.time() + float(body.get("expires_in", 300))


async def get_as_client(
    http: httpx.AsyncClient,
    credentials: ClientCredentials,
    url: str,
    params: Mapping[str, str],
    what: str,
    what_de: str,
) -> httpx.Response:
    """GET with this service's token; retries once with a fresh token on 401. Answers that are
    not 200 or 404 (and an unreachable service) are `UpstreamUnavailable` (503), naming `what`
    was asked for (`what_de` in German)."""
    for attempt in range(2):
        token = await credentials.token()
        try:
            r = await http.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
        except httpx.HTTPError as exc:
            raise UpstreamUnavailable(
                texts(
                    f"The service for {what} cannot be reached",
                    f"Der Dienst für {what_de} ist nicht erreichbar",
                )
            ) from exc
        if r.status_code == 401 and attempt == 0:
            credentials.forget()
            continue
        if r.status_code not in (200, 404):
            raise UpstreamUnavailable(
                texts(
                    f"The service answered {r.status_code} for {what}",
                    f"Der Dienst antwortete {r.status_code} für {what_de}",
                )
            )
        return r
    raise UpstreamUnavailable(
        texts(
            f"The service for {what} does not accept this service's token",
            f"Der Dienst für {what_de} nimmt das Token dieses Dienstes nicht an",
        )
    )
