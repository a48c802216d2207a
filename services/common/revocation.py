"""Immediate revocation: auth's list of revoked subjects and sessions, followed in memory.

Auth records a revocation when it deactivates a user or an API client (kind `user` /
`client`, id = the tokens' `sub`) or ends a login (kind `session`, id = the tokens' `sid`, the
refresh-token family). Every service reads the whole current list from
`GET /auth/v1/revocations` (scope `revocations:read`; auth reads its own database) every
`revocation_poll_seconds` and refuses an access token whose `iat` is not after the
revocation of its subject or session. Entries are forgotten once every token they can hit
has expired (`expires_at`, from auth's access-token lifetime), so memory stays bounded, and
the list auth hands out only holds such entries. A token issued after a reactivation is
accepted again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from typing import Literal

import httpx
import structlog
from pydantic import BaseModel, Field

from services.common.pagination import Page

log = structlog.get_logger("pakt.revocation")

REVOCATION_EVENT = "tokens.revoked"
REVOCATIONS_SCOPE = "revocations:read"
PAGE_LIMIT = 1000
MAX_PAGES = 100  # a runaway list cannot keep a poll going forever
Kind = Literal["user", "client", "session"]


class Revocation(BaseModel):
    kind: Kind = Field(description="`user` or `client` (id = token `sub`), `session` (`sid`)")
    id: str = Field(max_length=128, examples=["5b0c7a3e-3f0e-5d3c-9a51-0c1a7f1e2d10"])
    revoked_at: int = Field(description="Tokens with `iat` up to this time (epoch s) are refused")
    expires_at: int = Field(description="After this time (epoch s) no token it hits is valid")


class RevocationList:
    """The revoked subjects and sessions a service knows, in memory."""

    def __init__(self, *, loaded: bool = False) -> None:
        self._entries: dict[tuple[str, str], tuple[int, int]] = {}
        self.loaded = loaded  # False until the first complete load from auth

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, items: list[Revocation]) -> None:
        for r in items:
            key = (r.kind, r.id)
            revoked, expires = self._entries.get(key, (r.revoked_at, r.expires_at))
            self._entries[key] = (max(revoked, r.revoked_at), max(expires, r.expires_at))

    def prune(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        for key in [k for k, (_, expires) in self._entries.items() if expires < now]:
            del self._entries[key]

    def revoked(self, sub_kind: str, subject: str, session_id: str | None, issued_at: int) -> bool:
        """True when the subject or the session was revoked at or after `issued_at`."""
        for key in ((sub_kind, subject), ("session", session_id or "")):
            entry = self._entries.get(key)
            if entry is not None and issued_at <= entry[0]:
                return True
        return False


PageSource = Callable[[str | None], Awaitable[Page[Revocation]]]


class RevocationFollower:
    """Keeps a RevocationList in step with auth by polling `source` every `interval` seconds.

    When auth cannot be reached it keeps the list it has, logs and tries again next time.
    """

    def __init__(self, source: PageSource, interval: float) -> None:
        self.source = source
        self.interval = interval
        self.revocations = RevocationList()
        self.failures = 0

    async def poll(self) -> None:
        """Reads the whole current list (page after page), then forgets expired entries."""
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            page = await self.source(cursor)
            self.revocations.add(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
        self.revocations.prune()
        self.revocations.loaded = True

    async def poll_logged(self) -> bool:
        try:
            await self.poll()
        except Exception as exc:  # any failure: keep the last list, retry later
            self.failures += 1
            if self.failures == 1 or self.failures % 30 == 0:  # not a line every poll
                error = str(exc) or type(exc).__name__
                log.warning("revocations_fetch_failed", error=error, failures=self.failures)
            return False
        if self.failures:
            log.info("revocations_fetch_recovered", after_failures=self.failures)
            self.failures = 0
        return True

    async def load(self, within: float) -> None:
        """The first complete load; retried until it succeeds or `within` seconds passed."""
        deadline = time.monotonic() + within
        while not await self.poll_logged():
            if time.monotonic() >= deadline:
                raise RuntimeError(
                    f"the revocation list could not be loaded from auth within {within:.0f}s"
                )
            await asyncio.sleep(min(self.interval, 0.5))

    async def follow(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            await self.poll_logged()

    @asynccontextmanager
    async def running(self, within: float) -> AsyncIterator[RevocationList]:
        """Loads the list (waiting up to `within` s), then follows auth until the block ends."""
        await self.load(within)
        task = asyncio.create_task(self.follow(), name="revocation-follower")
        try:
            yield self.revocations
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task


class HttpRevocations:
    """Auth's `GET /auth/v1/revocations`, called with a client_credentials token of this service."""

    def __init__(
        self,
        http: Callable[[], httpx.AsyncClient],
        auth_url: str,
        client_id: str,
        client_secret: str,
    ) -> None:
        self.http = http
        self.url = auth_url.rstrip("/") + "/auth/v1/revocations"
        self.token_url = auth_url.rstrip("/") + "/auth/v1/token"
        self.credentials = (client_id, client_secret)
        self._token: tuple[str, float] | None = None

    async def _access_token(self) -> str:
        if self._token is None or time.time() > self._token[1] - 30:
            r = await self.http().post(
                self.token_url,
                data={"grant_type": "client_credentials", "scope": REVOCATIONS_SCOPE},
                auth=self.credentials,
                timeout=5,
            )
            r.raise_for_status()
            body = r.json()
            self._token = (str(body["access_token"]), time.time() + float(body["expires_in"]))
        return self._token[0]

    async def __call__(self, cursor: str | None) -> Page[Revocation]:
        params = {"limit": str(PAGE_LIMIT), **({"cursor": cursor} if cursor else {})}
        headers = {"Authorization": f"Bearer {await self._access_token()}"}
        r = await self.http().get(self.url, params=params, headers=headers, timeout=5)
        if r.status_code == 401:
            self._token = None  # fetch a new token next time
        r.raise_for_status()
        return Page[Revocation].model_validate(r.json())
