"""What the handlers of this service share: finishing a create, reading a keyset cursor."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypeVar

from fastapi import Response
from pydantic import BaseModel
from sqlmodel.ext.asyncio.session import AsyncSession

from services.cases.contacts import repository as items
from services.common.concurrency import etag_for
from services.common.idempotency import Idempotency
from services.common.pagination import decode_cursor
from services.common.problems import InvalidInput

M = TypeVar("M", bound=BaseModel)


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


def keyset_after(cursor: str | None) -> tuple[dt.datetime, uuid.UUID] | None:
    """The `(created_at, id)` position in a cursor this API issued (None: the first page)."""
    if not cursor:
        return None
    try:
        return items.parse_after(decode_cursor(cursor, 2))
    except ValueError as exc:
        raise InvalidInput("The cursor is not one this API issued") from exc
