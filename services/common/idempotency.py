"""Idempotency-Key: a retried create replays the first answer instead of acting twice.

The key is claimed with INSERT ... ON CONFLICT DO NOTHING in the same transaction as the
effect, and the response is stored in that transaction too. A concurrent duplicate waits on
the unique index until the first commits, then replays (409 if lock_timeout fires first).
A failed request rolls its claim back, so a retry runs afresh.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problems import Conflict, ProblemError
from services.common.sql import run
from services.common.tables import idempotency_record

REPLAY_HEADER = "Idempotent-Replayed"


class IdempotencyKeyReused(
    ProblemError,
    slug="idempotency-key-reused",
    title="Idempotency-Key reused with a different request",
    status=422,
):
    pass


class IdempotencyInProgress(
    Conflict,
    slug="idempotency-in-progress",
    title="A request with this Idempotency-Key is still running",
):
    pass


class Idempotency:
    """The request's Idempotency-Key, if any; `claim` before acting, `remember` before commit."""

    def __init__(self, key: str | None, fingerprint: str) -> None:
        self.key = key
        self.fingerprint = fingerprint
        self._scope: str | None = None

    async def claim(self, session: AsyncSession, principal: Principal) -> JSONResponse | None:
        """None when this request should act; the stored response when it is a retry."""
        if self.key is None:
            return None
        self._scope = f"{principal.org}:{principal.subject}"
        stmt = (
            insert(idempotency_record)
            .values(scope=self._scope, key=self.key, fingerprint=self.fingerprint)
            .on_conflict_do_nothing()
            .returning(idempotency_record.c.key)
        )
        try:
            claimed = (await run(session, stmt)).first()
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_timeout
                raise IdempotencyInProgress("Retry in a moment") from exc
            raise
        if claimed is not None:
            return None
        row = (
            await run(
                session,
                select(idempotency_record).where(
                    idempotency_record.c.scope == self._scope, idempotency_record.c.key == self.key
                ),
            )
        ).one()
        if row.fingerprint != self.fingerprint:
            raise IdempotencyKeyReused("This Idempotency-Key was used for a different request body")
        if row.status_code is None:
            raise IdempotencyInProgress("Retry in a moment")
        headers = {**(row.response_headers or {}), REPLAY_HEADER: "true"}
        return JSONResponse(row.response_body, status_code=row.status_code, headers=headers)

    async def remember(
        self,
        session: AsyncSession,
        status_code: int,
        body: Any,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Stores the response in the current transaction (call just before commit)."""
        if self.key is None or self._scope is None:
            return
        await run(
            session,
            idempotency_record.update()
            .where(idempotency_record.c.scope == self._scope, idempotency_record.c.key == self.key)
            .values(status_code=status_code, response_body=body, response_headers=headers or {}),
        )


async def idempotency(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            pattern=r"^[\x21-\x7e]+$",
            description=(
                "Any unique string (a UUID is ideal); a retry with the same key and body "
                "replays the first response"
            ),
        ),
    ] = None,
) -> Idempotency:
    if idempotency_key is None:
        return Idempotency(None, "")
    body = await request.body()
    digest = hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + _canonical(body)
    )
    return Idempotency(idempotency_key, digest.hexdigest())


def _canonical(body: bytes) -> bytes:
    """The same JSON sent with other key order or spacing is the same request."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return body
    return json.dumps(parsed, sort_keys=True, separators=(",", ":")).encode()


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]
