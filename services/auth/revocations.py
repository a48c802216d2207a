"""Auth's side of immediate revocation: the `token_revocation` table the services follow.

A deactivated user or client (kind `user` / `client`, subject = its tokens' `sub`) or an ended
login (kind `session`, subject = its tokens' `sid`) gets a row, written in the transaction of
the change, together with a `tokens.revoked` event. The list handed out is every row that can
still hit an unexpired token (revoked within the access-token lifetime plus leeway), read in
full on each poll: a late commit can never be skipped, and the list stays small because rows
age out of it. See services/common/revocation.py for the followers.
"""

from __future__ import annotations

import secrets
import time

from sqlalchemy import Row, delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.models import token_revocation
from services.auth.settings import AuthSettings
from services.common.keyset import keyset
from services.common.outbox import emit
from services.common.pagination import Page, cursor_after, make_page
from services.common.revocation import REVOCATION_EVENT, Kind, Revocation
from services.common.sql import run

KEEP_SECONDS = 86_400  # rows are deleted a day after they left the list


def token_lifetime(settings: AuthSettings) -> int:
    """The longest an access token is accepted: its lifetime plus the verifiers' leeway."""
    return settings.access_token_ttl_seconds + min(settings.jwt_leeway_seconds, 60)


async def record_revocation(
    session: AsyncSession, kind: Kind, subject: str, audience: list[str]
) -> None:
    """Revokes, in the caller's transaction, the access tokens of `kind` `subject` issued so far.

    `kind` is `user` or `client` (`subject` = the tokens' `sub`) or `session` (their `sid`).
    """
    now = int(time.time())  # auth's clock, the one every `iat` is written with
    stmt = insert(token_revocation).values(kind=kind, subject=subject, revoked_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=[token_revocation.c.kind, token_revocation.c.subject],
        set_={"revoked_at": func.greatest(token_revocation.c.revoked_at, stmt.excluded.revoked_at)},
    )
    await run(session, stmt)
    await emit(session, REVOCATION_EVENT, kind, subject, audience, {"revoked_at": now})
    if secrets.randbelow(100) == 0:  # now and then, drop rows long out of the list
        gone = delete(token_revocation).where(token_revocation.c.revoked_at < now - KEEP_SECONDS)
        await run(session, gone)


async def revocation_page(
    session: AsyncSession, cursor: str | None, limit: int, lifetime: int
) -> Page[Revocation]:
    """A page of the revocations that can still hit a token accepted for `lifetime` seconds."""
    since = int(time.time()) - lifetime
    stmt = select(token_revocation).where(token_revocation.c.revoked_at >= since)
    after = cursor_after(cursor, str, str)
    keys = [token_revocation.c.kind, token_revocation.c.subject]
    rows = (await run(session, keyset(stmt, keys, after, limit))).all()

    def item(row: Row[tuple[str, str, int]]) -> Revocation:
        return Revocation.model_validate(
            {
                "kind": row.kind,
                "id": row.subject,
                "revoked_at": row.revoked_at,
                "expires_at": row.revoked_at + lifetime,
            }
        )

    return make_page(rows, limit, key=lambda r: (r.kind, r.subject), to_item=item)
