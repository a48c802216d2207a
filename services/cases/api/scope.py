"""What the handlers of this service start from, and how they answer.

A handler takes one scope instead of the same five or six parameters:
- `InCase`: reads and changes below a case (plan, consultations, referrals, volunteer
  assignments); the case is loaded first, so the handler starts from a case the caller reaches.
- `OfficerCase`: the data-protection operations on a case, for its privacy officer.
- `ThisCase`: changes of the case itself; the service loads it under its lock.
- `InOrg`: reads and changes of the organization's own resources (volunteers).
- `NewInCase`, `NewInOrg`: creates, once per Idempotency-Key (below a case: the service checks
  the case after the key is claimed).
Each scope declares the parameters the handlers declared before, in the same order, so the
OpenAPI contract does not change.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Depends, Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.api.deps import (
    CaseId,
    CaseWorker,
    CaseWorkerRole,
    CurrentCase,
    PrivacyCase,
    PrivacyOfficer,
)
from services.cases.api.responses import committed, logged_page
from services.cases.casefile.schemas import CaseRead, CaseSummary
from services.cases.items import service as items
from services.common.auth import Principal
from services.common.caller import Caller, Creator
from services.common.concurrency import etag_for, set_etag
from services.common.db import SessionDep
from services.common.idempotency import IdempotencyDep, idempotency_of
from services.common.pagination import Page, PageParams


class Item(Protocol):
    """A row under a case as it is answered: its id, and its version as the ETag."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def version(self) -> int: ...

    def model_dump(self, *, mode: str) -> dict[str, Any]: ...


ItemT = TypeVar("ItemT", bound=Item)
R = TypeVar("R", bound=BaseModel)
B = TypeVar("B")
T = TypeVar("T")
ChangeFn = Callable[
    [AsyncSession, Principal, uuid.UUID, uuid.UUID, str | None, B], Awaitable[ItemT]
]
"""A service's change of one row under a case: (session, who, case_id, item_id, if_match, body)."""


@dataclass(frozen=True)
class CaseScope:
    """The case in the path (the caller's organization's, 404 otherwise), the caller, the
    request's session and its request/response."""

    case: CaseSummary
    who: Principal
    session: AsyncSession
    request: Request
    response: Response

    @property
    def key(self) -> tuple[AsyncSession, Principal, uuid.UUID]:
        """What every service function below a case starts with: (session, who, case_id)."""
        return self.session, self.who, self.case.id

    async def answer(self, out: T, version: int) -> T:
        """Commits (an access-log row is durable before personal data leave), sets the ETag."""
        return await committed(self.session, self.response, out, version)

    async def committed(self, out: T) -> T:
        """Commits (an access-log row is durable before personal data leave), answers `out`."""
        await self.session.commit()
        return out

    async def read(self, kind: items.Kind[R], item_id: uuid.UUID) -> R:
        """One row of the case, its version as the ETag; the read is logged."""
        out = await items.read(self.session, self.who, kind, self.case.id, item_id)
        return await self.answer(out, out.model_dump(include={"version"})["version"])

    async def page(self, out: Page[T]) -> Page[T]:
        """Answers a logged read with a page (commit first, then the `Link` header)."""
        return await logged_page(self.session, self.request, self.response, out)

    async def page_of(self, kind: items.Kind[R], params: PageParams) -> Page[R]:
        """The case's rows of `kind`, oldest first; the read is logged."""
        return await self.page(await items.page(self.session, self.who, kind, self.case.id, params))

    async def change(
        self,
        change: ChangeFn[B, ItemT],
        item_id: uuid.UUID,
        if_match: str | None,
        body: B,
    ) -> ItemT:
        """Changes one row of the case under If-Match with the service's `change`."""
        out = await change(self.session, self.who, self.case.id, item_id, if_match, body)
        return await self.answer(out, out.version)


async def _in_case(
    request: Request, response: Response, case: CurrentCase, session: SessionDep, who: CaseWorker
) -> CaseScope:
    return CaseScope(case, who, session, request, response)


InCase = Annotated[CaseScope, Depends(_in_case)]
"""Reads and changes below a case: declares the path's `case_id`."""


async def _as_privacy_officer(
    request: Request,
    response: Response,
    case: PrivacyCase,
    session: SessionDep,
    who: PrivacyOfficer,
) -> CaseScope:
    return CaseScope(case, who, session, request, response)


OfficerCase = Annotated[CaseScope, Depends(_as_privacy_officer)]
"""The case in the path for its organization's privacy officer (404 for everyone else):
declares the path's `case_id`."""


@dataclass(frozen=True)
class OrgScope(Caller):
    """The caller (a case worker), the session and the response: reads and changes of the
    caller's organization's own resources (volunteers)."""

    def tagged(self, out: ItemT) -> ItemT:
        """Answers a read, its version as the ETag."""
        set_etag(self.response, out.version)
        return out

    async def saved(self, out: ItemT) -> ItemT:
        """Answers a change: commits, its version as the ETag."""
        return await committed(self.session, self.response, out, out.version)


async def _in_org(response: Response, session: SessionDep, who: CaseWorkerRole) -> OrgScope:
    return OrgScope(who, session, response)


InOrg = Annotated[OrgScope, Depends(_in_org)]
"""Reads and changes of the caller's organization's resources: other roles get 403."""


@dataclass(frozen=True)
class CaseRef:
    """The case id in the path, the caller, the session and the response: for changes of the
    case itself, which the service loads under its lock (404 unless the caller's organization
    owns it)."""

    case_id: uuid.UUID
    who: Principal
    session: AsyncSession
    response: Response

    @property
    def key(self) -> tuple[AsyncSession, Principal, uuid.UUID]:
        """What every service function of a case starts with: (session, who, case_id)."""
        return self.session, self.who, self.case_id

    async def answer(self, out: CaseRead) -> CaseRead:
        """Commits the change, the case's version as the ETag."""
        return await committed(self.session, self.response, out, out.version)


async def _this_case(
    case_id: CaseId, response: Response, session: SessionDep, who: CaseWorker
) -> CaseRef:
    return CaseRef(case_id, who, session, response)


ThisCase = Annotated[CaseRef, Depends(_this_case)]
"""Changes of the case in the path: declares the path's `case_id`."""


@dataclass(frozen=True)
class NewScope(Creator):
    """A create below the case in the path (`base`); the service checks the case."""

    case_id: uuid.UUID

    @property
    def key(self) -> tuple[AsyncSession, Principal, uuid.UUID]:
        """What every service function below a case starts with: (session, who, case_id)."""
        return self.session, self.who, self.case_id


async def _new_in_org(
    response: Response, session: SessionDep, who: CaseWorkerRole, idem: IdempotencyDep
) -> Creator:
    return Creator(who, session, response, idem, "/cases/v1")


NewInOrg = Annotated[Creator, Depends(_new_in_org)]
"""Creates of the caller's organization (cases, volunteers): other roles get 403."""


async def _new_in_case(
    case_id: CaseId, response: Response, session: SessionDep, who: CaseWorker, idem: IdempotencyDep
) -> NewScope:
    return NewScope(who, session, response, idem, f"/cases/v1/cases/{case_id}", case_id)


NewInCase = Annotated[NewScope, Depends(_new_in_case)]
"""Creates below a case: declares the path's `case_id` and the `Idempotency-Key` header."""


Database = AsyncSession | async_sessionmaker[AsyncSession]
"""Where a service function runs its statements: the request's session, or the app's
sessionmaker when its one statement stands alone (`services.common.sql.fetch_row_direct`)."""


async def create_once(
    request: Request,
    who: Principal,
    key: str | None,
    make: Callable[[Database], Awaitable[CaseRead]],
    collection: str,
) -> Response:
    """`NewInOrg`'s create for the hottest create (a case), without the session dependency.

    Without an Idempotency-Key, `make` gets the sessionmaker: its one statement (the case, its
    audit entry and its event) runs on a pooled connection and PostgreSQL commits it before it
    answers. With a key, `Creator` claims it, creates and keeps the answer in one transaction
    of a session of its own, as every other create does. Either way the answer is the 201 with
    the new resource's ETag and Location that `Creator` gives.
    """
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    if key is None:
        out = await make(maker)
    else:
        idem = idempotency_of(request, key, await request.body())
        async with maker() as session:
            creator = Creator(who, session, Response(), idem, "/cases/v1")
            created = await creator.create(lambda: make(session), collection)
            if not isinstance(created, CaseRead):
                return created  # the answer kept for the key, replayed
            out = created
    headers = {"ETag": etag_for(out.version), "Location": f"/cases/v1/{collection}/{out.id}"}
    return Response(
        out.model_dump_json(), status_code=201, headers=headers, media_type="application/json"
    )
