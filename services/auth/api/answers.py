"""How a handler of this service finishes a create or a change of a versioned resource."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Protocol, TypeVar

from fastapi import Depends, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.api.deps import AccountManager, Admin, tagged
from services.common.caller import Caller as BaseCaller
from services.common.db import SessionDep


class Identified(Protocol):
    @property
    def id(self) -> object: ...


T = TypeVar("T")
R = TypeVar("R", bound=Identified)


async def saved(session: AsyncSession, response: Response, versioned: tuple[T, int]) -> T:
    """Commits a change and answers the service's `(body, version)`: the version is the ETag."""
    await session.commit()
    return tagged(response, versioned)


async def added(
    session: AsyncSession, response: Response, versioned: tuple[R, int], collection: str
) -> R:
    """Commits a create; the ETag is its version and Location is `collection/<id>`."""
    body = await saved(session, response, versioned)
    response.headers["Location"] = f"{collection}/{body.id}"
    return body


@dataclass(frozen=True)
class Caller(BaseCaller):
    """The caller with the request's session and response: what a handler of a versioned
    resource needs to call its service (`*caller.key`) and to answer."""

    def tagged(self, versioned: tuple[T, int]) -> T:
        """Answers a read: the body, the version as the ETag."""
        return tagged(self.response, versioned)

    async def saved(self, versioned: tuple[T, int]) -> T:
        """Answers a change: commits, the version as the ETag."""
        return await saved(self.session, self.response, versioned)

    async def added(self, versioned: tuple[R, int], collection: str) -> R:
        """Answers a create: commits, ETag and Location `collection/<id>`."""
        return await added(self.session, self.response, versioned, collection)


def _account_manager(response: Response, session: SessionDep, who: AccountManager) -> Caller:
    return Caller(who, session, response)


def _admin(response: Response, session: SessionDep, who: Admin) -> Caller:
    return Caller(who, session, response)


Manager = Annotated[Caller, Depends(_account_manager)]
"""An admin or org_admin managing accounts (users, clients)."""

AdminCaller = Annotated[Caller, Depends(_admin)]
"""An admin (directory writes)."""
