"""The caller of a handler with the request's session and response, and a create made once.

What a handler hands its service (`*caller.key`) and answers through; each service's API adds
how it answers reads and changes (auth: `(body, version)` pairs, cases: bodies carrying their
version). A create is the same everywhere (CONVENTIONS.md: `claim` first, `remember` before
`commit`), so `Creator` is its one way.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Depends, Response
from fastapi.responses import JSONResponse
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import CurrentPrincipal, Principal
from services.common.concurrency import etag_for
from services.common.db import SessionDep
from services.common.idempotency import Idempotency


class Answer(Protocol):
    """What a create answers (a pydantic model): kept as JSON for its Idempotency-Key."""

    def model_dump(self, *, mode: str) -> dict[str, Any]: ...


class Versioned(Answer, Protocol):
    """A new resource as it is answered: its id, and its version as the ETag."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def version(self) -> int: ...


A = TypeVar("A", bound=Answer)
V = TypeVar("V", bound=Versioned)
T = TypeVar("T")


@dataclass(frozen=True)
class Caller:
    """The caller, the request's session and the response the handler answers with: what a
    handler hands its service (`*caller.key`) and answers through."""

    who: Principal
    session: AsyncSession
    response: Response

    @property
    def key(self) -> tuple[AsyncSession, Principal]:
        """What the service functions start with: (session, who)."""
        return self.session, self.who

    async def committed(self, out: T) -> T:
        """Answers a change: commits it first."""
        await self.session.commit()
        return out


def _any_caller(response: Response, session: SessionDep, who: CurrentPrincipal) -> Caller:
    return Caller(who, session, response)


AnyCaller = Annotated[Caller, Depends(_any_caller)]
"""Any signed-in caller; the service decides per object what it may do."""


@dataclass(frozen=True)
class Creator:
    """A create, once per Idempotency-Key; the new resource's Location is below `base`."""

    who: Principal
    session: AsyncSession
    response: Response
    idem: Idempotency
    base: str

    async def replay(self) -> JSONResponse | None:
        """The answer kept for this Idempotency-Key, or None: then go on and create."""
        return await self.idem.claim(self.session, self.who)

    async def created(self, out: A, version: int, path: str) -> A:
        """Keeps the answer for the key, commits, sets ETag and Location (`path` below `base`)."""
        headers = {"ETag": etag_for(version), "Location": f"{self.base}/{path}"}
        await self.idem.remember(self.session, 201, out.model_dump(mode="json"), headers)
        await self.session.commit()
        self.response.headers.update(headers)
        return out

    async def create(self, make: Callable[[], Awaitable[V]], collection: str) -> V | JSONResponse:
        """Replays the answer kept for the key, or creates with `make` and answers 201 with the
        new resource's ETag and Location (`collection/<id>` below `base`)."""
        if (replay := await self.replay()) is not None:
            return replay
        out = await make()
        return await self.created(out, out.version, f"{collection}/{out.id}")
