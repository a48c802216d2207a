"""The organization directory (auth), reached over HTTP: is an id a charity?"""

from __future__ import annotations

from typing import Any

import httpx

from services.funding.clients.auth_token import ClientCredentials, get_as_client


class DirectoryClient:
    def __init__(self, http: httpx.AsyncClient, credentials: ClientCredentials) -> None:
        self.http = http
        self.credentials = credentials

    async def organization(self, org_id: str) -> dict[str, Any] | None:
        """`GET /auth/v1/organizations/{id}` with this service's token; None if unknown."""
        url = f"{self.credentials.auth_base_url}/auth/v1/organizations/{org_id}"
        r = await get_as_client(
            self.http,
            self.credentials,
            url,
            {},
            "the organization directory",
            "das Organisationsverzeichnis",
        )
        if r.status_code == 404:
            return None
        body: dict[str, Any] = r.json()
        return body
