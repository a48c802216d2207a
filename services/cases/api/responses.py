"""What the handlers of this service share: finishing a change, sending a page (a create:
`services.common.caller.Creator`)."""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.concurrency import set_etag
from services.common.pagination import Page, set_link_header

T = TypeVar("T")


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
