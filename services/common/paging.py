"""What a list handler needs to answer a page: the page asked for, and the `Link` to the next.

`Paged` declares the same query parameters as `page_params` (`limit`, `cursor`) at the place
it stands in the handler's signature, so a handler that swaps `page` for it keeps its contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request, Response

from services.common.pagination import Page, PageParams, page_params, set_link_header

T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    """The page parameters of a list request, with the request and response they came in."""

    params: PageParams
    request: Request
    response: Response

    def send(self, page: Page[T]) -> Page[T]:
        """The page, with a `Link` header to the next one (keeping the caller's filters)."""
        set_link_header(self.request, self.response, page.next_cursor)
        return page


def paging(
    request: Request, response: Response, params: Annotated[PageParams, Depends(page_params)]
) -> Paging:
    return Paging(params, request, response)


Paged = Annotated[Paging, Depends(paging)]
