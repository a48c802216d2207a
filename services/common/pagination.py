"""Cursor pagination: opaque cursors over a stable keyset, `items` + `next_cursor` + Link."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Query, Request, Response
from pydantic import BaseModel, Field

from services.common.problems import ProblemError

T = TypeVar("T")
R = TypeVar("R")


class InvalidCursor(
    ProblemError,
    slug="invalid-cursor",
    title="Invalid cursor",
    title_de="Ungültiger Cursor",
    detail="The cursor is not one this API issued",
    detail_de="Dieser Cursor stammt nicht von dieser API",
    status=400,
):
    """The `cursor` of a list request was not issued by this list (tampered, truncated or from
    another list); start again without a cursor."""


class PageParams(BaseModel):
    limit: int = Field(50, ge=1, le=100)
    cursor: str | None = Field(None, max_length=512)


def page_params(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page (1-100)")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="Opaque `next_cursor` of the previous page")
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


class Page(BaseModel, Generic[T]):
    """One page of a list; follow `next_cursor` (or the Link header) until it is null."""

    items: list[T]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` to get the next page; null on the last page"
    )


def encode_cursor(*values: Any) -> str:
    raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    """The keyset values in a cursor made by `encode_cursor`; 400 problem if tampered with."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidCursor() from exc
    if not isinstance(values, list) or len(values) != arity:
        raise InvalidCursor()
    return values


def cursor_after(cursor: str | None, *parsers: Callable[[Any], Any]) -> tuple[Any, ...] | None:
    """The typed keyset position in a cursor (None: the first page), one parser per value.

    The one place a cursor is read: a cursor that is not base64 JSON, has the wrong arity, or
    holds a value a parser refuses is always `400 invalid-cursor`, whatever the endpoint.
    """
    if not cursor:
        return None
    values = decode_cursor(cursor, len(parsers))
    try:
        return tuple(parse(value) for parse, value in zip(parsers, values, strict=True))
    except (TypeError, ValueError, OverflowError, AttributeError) as exc:
        raise InvalidCursor() from exc


def make_page(
    rows: Sequence[R], limit: int, key: Callable[[R], tuple[Any, ...]], to_item: Callable[[R], T]
) -> Page[T]:
    """A page from `limit + 1` fetched rows: the extra row only proves a next page exists."""
    has_more = len(rows) > limit
    shown = rows[:limit]
    next_cursor = encode_cursor(*key(shown[-1])) if has_more and shown else None
    return Page[T](items=[to_item(r) for r in shown], next_cursor=next_cursor)


def set_link_header(request: Request, response: Response, next_cursor: str | None) -> None:
    """Adds `Link: <...>; rel="next"` keeping the caller's filters."""
    if next_cursor is None:
        return
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    params.append(("cursor", next_cursor))
    response.headers["Link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'
