"""What the handlers of this service share: finishing a create or a change, sending a page."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from fastapi import Request, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.concurrency import etag_for, set_etag
from services.common.idempotency import Idempotency
from services.common.pagination import Page, set_link_header


class Answer(Protocol):
    """What a create answers (a pydantic model): kept as JSON for its Idempotency-Key."""

    def model_dump(self, *, mode: str) -> dict[str, Any]: ...


M = TypeVar("M", bound=Answer)
T = TypeVar("T")


async def created(
    session: AsyncSession,
    idem: Idempotency,
    response: Response,
    out: M,
    version: int,
    location: str,
) -> M:
    """Finishes a create: keeps the answer for its Idempotency-Key, commits, sets ETag, Location."""
    headers = {"ETag": etag_for(version), "Location": location}
    await idem.remember(session, 201, out.model_dump(mode="json"), headers)
    await session.commit()
    response.headers.update(headers)
    return out


async def committed(session: AsyncSession, response: Response, out: T, version: int) -> T:
    """Finishes a change or a logged read: commits (so an access-log row is durable before
    personal data leave), then sets the ETag."""
    await session.commit()
    set_etag(response, version)
    return out


def paged(request: Request, response: Response, page: Page[T]) -> Page[T]:
    """The page, with a `Link` header to the next one (keeping the caller's filters)."""
    set_link_header(request, response, page.next_cursor)
    return page


async def logged_page(
    session: AsyncSession, request: Request, response: Response, page: Page[T]
) -> Page[T]:
    """Answers a logged read with a page: commits first, so the access-log row is durable
    before personal data leave."""
    await session.commit()
    return paged(request, response, page)
