"""The cases service, reached over HTTP only: key figures of an organization for a period."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from services.funding.clients.auth_token import ClientCredentials
from services.funding.errors import UpstreamUnavailable


class CasesClient:
    def __init__(
        self, http: httpx.AsyncClient, base_url: str, credentials: ClientCredentials
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials

    async def key_figures(self, org: str, start: date, end: date) -> dict[str, Any]:
        """`GET /cases/v1/key-figures?org=&from=&to=`; retries once with a fresh token on 401."""
        params = {"org": org, "from": start.isoformat(), "to": end.isoformat()}
        for attempt in range(2):
            token = await self.credentials.token()
            try:
                r = await self.http.get(
                    f"{self.base_url}/cases/v1/key-figures",
                    params=params,
                    headers={"Authorization": f"Bearer {token}"},
                )
            except httpx.HTTPError as exc:
                raise UpstreamUnavailable("The cases service cannot be reached") from exc
            if r.status_code == 401 and attempt == 0:
                self.credentials.forget()
                continue
            if r.status_code != 200:
                raise UpstreamUnavailable(
                    f"The cases service answered {r.status_code} for the key figures"
                )
            body: dict[str, Any] = r.json()
            return body
        raise UpstreamUnavailable("The cases service does not accept this service's token")
