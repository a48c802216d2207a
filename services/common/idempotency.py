"""Idempotency-Key: a retried create replays the first answer instead of acting twice.

The key is claimed with INSERT ... ON CONFLICT DO NOTHING in the same transaction as the
effect, and the response is stored in that transaction too. A concurrent duplicate waits on
the unique index until the first commits, then replays (409 if lock_timeout fires first).
A failed request rolls its claim back, so a retry runs afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy import ARRAY, Text, cast, func, or_, select
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problem_types import texts
from services.common.problems import Conflict, ProblemError
from services.common.sql import run
from services.common.tables import idempotency_record

REPLAY_HEADER = "Idempotent-Replayed"
DEFAULT_KEEP = dt.timedelta(hours=24)
UUID_PATTERN = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


class IdempotencyKeyReused(
    ProblemError,
    slug="idempotency-key-reused",
    title="Idempotency-Key reused with a different request",
    title_de="Idempotency-Key schon für eine andere Anfrage verwendet",
    detail="This Idempotency-Key was used for a different request body",
    detail_de="Dieser Idempotency-Key wurde für einen anderen Inhalt verwendet",
    status=422,
):
    """The Idempotency-Key was already used for a request with another method, path or body; use a
    new key for a new request."""


class ResponseErased(
    ProblemError,
    slug="response-erased",
    title="The stored response of this request was erased",
    title_de="Die gespeicherte Antwort dieser Anfrage wurde gelöscht",
    status=410,
):
    """Replaying a request whose stored response held personal data of a case that were erased
    since; the result cannot be shown again."""


ERASED_DETAIL = texts(
    "It held personal data of a case whose data were erased (GDPR Art. 17)",
    "Sie enthielt personenbezogene Daten eines Falls, dessen Daten gelöscht wurden (Art. 17 DSGVO)",
)
ERASED_RESPONSE = {"type": ResponseErased.type_, "title": ResponseErased.title, "status": 410}


class IdempotencyInProgress(
    Conflict,
    slug="idempotency-in-progress",
    title="A request with this Idempotency-Key is still running",
    title_de="Eine Anfrage mit diesem Idempotency-Key läuft noch",
    detail="Retry in a moment",
    detail_de="Wiederholen Sie die Anfrage gleich",
):
    """A request with this Idempotency-Key is still being processed; retry after it finished to get
    its stored response."""


class Idempotency:
    """The request's Idempotency-Key, if any; `claim` before acting, `remember` before commit."""

    def __init__(
        self, key: str | None, fingerprint: str, keep: dt.timedelta = DEFAULT_KEEP
    ) -> None:
        self.key = key
        self.fingerprint = fingerprint
        self.keep = keep
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
                raise IdempotencyInProgress() from exc
            raise
        if claimed is not None or await self._renew_expired(session):
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
            raise IdempotencyKeyReused()
        if row.status_code is None:
            raise IdempotencyInProgress()
        if row.status_code == ResponseErased.status:
            raise ResponseErased(ERASED_DETAIL)
        headers = {**(row.response_headers or {}), REPLAY_HEADER: "true"}
        return JSONResponse(row.response_body, status_code=row.status_code, headers=headers)

    async def _renew_expired(self, session: AsyncSession) -> bool:
        """Claims the key afresh when its record outlived the retention period (the retention
        job deletes such records; until it ran, they count as gone)."""
        table = idempotency_record
        stmt = (
            table.update()
            .where(
                table.c.scope == self._scope,
                table.c.key == self.key,
                table.c.created_at < func.now() - self.keep,
            )
            .values(
                fingerprint=self.fingerprint,
                status_code=None,
                response_body=None,
                response_headers=None,
                mentions=None,
                created_at=func.now(),
            )
            .returning(table.c.key)
        )
        return (await run(session, stmt)).first() is not None

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
            .values(
                status_code=status_code,
                response_body=body,
                response_headers=headers or {},
                mentions=mentioned_ids(body, headers),
            ),
        )


def mentioned_ids(body: Any, headers: dict[str, str] | None) -> list[str]:
    """The UUIDs a response names anywhere (its body, a Location header), lower case."""
    text = json.dumps(body, default=str) + json.dumps(headers or {})
    return sorted({m.lower() for m in UUID_PATTERN.findall(text)})


async def erase_responses(session: AsyncSession, needles: Sequence[str]) -> int:
    """Replaces every stored response that mentions one of `needles` (case ids, in the body or a
    header such as Location) by a 410 problem: the personal data in it are gone (GDPR Art. 17)
    and a retry of the request still does not act twice. Counts the records changed."""
    if not needles:
        return 0
    table = idempotency_record
    erased = {"status_code": 410, "response_body": ERASED_RESPONSE, "response_headers": {}}
    # one index lookup per needle (an `&&` of many needles made PostgreSQL read every record)
    needle = (
        func.unnest(cast(pg_array(list(needles)), ARRAY(Text)))
        .table_valued("id")
        .render_derived(name="needle")
    )
    named = table.update().where(
        table.c.status_code.is_not(None), table.c.mentions.contains(pg_array([needle.c.id]))
    )
    # records stored before the `mentions` column (common revision 0002) are read as text
    stored = func.concat(cast(table.c.response_body, Text), cast(table.c.response_headers, Text))
    older = table.update().where(
        table.c.status_code.is_not(None),
        table.c.mentions.is_(None),
        or_(*[stored.contains(n, autoescape=True) for n in needles]),
    )
    changed = 0
    for stmt in (named, older):
        changed += (await run(session, stmt.values(erased))).rowcount or 0
    return int(changed)


IdempotencyKeyHeader = Annotated[
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
]


async def idempotency(
    request: Request, idempotency_key: IdempotencyKeyHeader = None
) -> Idempotency:
    return idempotency_of(request, idempotency_key, await request.body())


def idempotency_of(request: Request, key: str | None, content: bytes) -> Idempotency:
    """The key with the fingerprint of `content`: the body, or what a multipart body carries
    (its boundary differs on every send, so uploads fingerprint the file and the mode)."""
    if key is None:
        return Idempotency(None, "")
    settings = getattr(request.app.state, "settings", None)
    hours = getattr(settings, "idempotency_retention_hours", None)
    keep = DEFAULT_KEEP if hours is None else dt.timedelta(hours=hours)
    digest = hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + _canonical(content)
    )
    return Idempotency(key, digest.hexdigest(), keep)


def _canonical(body: bytes) -> bytes:
    """The same JSON sent with other key order or spacing is the same request."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return body
    return json.dumps(parsed, sort_keys=True, separators=(",", ":")).encode()


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]
