"""The organization directory (auth), read over HTTP: where an organization sits in the AGS
hierarchy, whether or not it has cases here.

The directory is served by the auth service next to its key set, so its address is derived from
the JWKS URL every service is configured with (`.../auth/.well-known/jwks.json` ->
`.../auth/v1/organizations/{id}`). It is read with the caller's own token (the directory is
readable by every signed-in caller); answers are cached for a few minutes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from services.cases.errors import DirectoryUnavailable
from services.common.problem_types import texts

CACHE_SECONDS = 300.0
JWKS_SUFFIX = "/.well-known/jwks.json"


@dataclass(frozen=True)
class DirectoryEntry:
    org_id: str
    kind: str
    org_path: tuple[str, ...]


_cache: dict[str, tuple[float, DirectoryEntry]] = {}


def directory_base(jwks_url: str) -> str:
    """`http://auth:8001/auth/.well-known/jwks.json` -> `http://auth:8001/auth`."""
    return jwks_url.removesuffix(JWKS_SUFFIX).rstrip("/")


class Directory:
    """Looks organizations up in auth's directory with the caller's bearer token."""

    def __init__(self, http: httpx.AsyncClient, jwks_url: str, token: str) -> None:
        self.http = http
        self.base = directory_base(jwks_url)
        self.token = token

    async def entry(self, org_id: str) -> DirectoryEntry | None:
        """The organization's kind and AGS path; None when the directory does not know it."""
        cached = _cache.get(org_id)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        try:
            r = await self.http.get(
                f"{self.base}/v1/organizations/{org_id}",
                headers={"Authorization": f"Bearer {self.token}"},
            )
        except httpx.HTTPError as exc:
            raise DirectoryUnavailable(
                texts(
                    "The organization directory cannot be reached",
                    "Das Organisationsverzeichnis ist nicht erreichbar",
                )
            ) from exc
        if r.status_code in (404, 422):  # unknown, or not an organization id at all
            return None
        if r.status_code != 200:
            raise DirectoryUnavailable(
                texts(
                    f"The organization directory answered {r.status_code}",
                    f"Das Organisationsverzeichnis antwortete mit {r.status_code}",
                )
            )
        body = r.json()
        found = DirectoryEntry(
            org_id, str(body.get("kind", "")), tuple(str(p) for p in body.get("org_path", []))
        )
        _cache[org_id] = (time.monotonic() + CACHE_SECONDS, found)
        return found
