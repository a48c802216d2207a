"""`GET /auth/v1/revocations`: the revocation list the services follow (scope revocations:read)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from services.auth import revocations
from services.common.auth import Principal, require_scopes
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.common.revocation import PAGE_LIMIT, REVOCATIONS_SCOPE, Revocation

router = APIRouter(tags=["oauth"])  # the life of tokens, next to revoke and introspect


@router.get(
    "/auth/v1/revocations",
    responses=problem_responses(400, 401, 403, 422),
    summary="Follow the revocation list (services)",
    description=(
        "Users and API clients deactivated (`kind` user/client, `id` = the tokens' `sub`) and "
        "logins ended (`kind` session, `id` = the tokens' `sid`) within the access-token "
        "lifetime: every revocation that can still hit an unexpired token, nothing older. "
        "Refuse access tokens with `iat` up to `revoked_at`; forget an entry after "
        "`expires_at`. Read the whole list (follow `next_cursor` until it is null) on every "
        "poll. For the platform's services (an API client with the scope `revocations:read`); "
        "it holds ids and times only."
    ),
)
async def list_revocations(
    request: Request,
    session: SessionDep,
    caller: Annotated[Principal, Depends(require_scopes(REVOCATIONS_SCOPE))],
    limit: Annotated[int, Query(ge=1, le=PAGE_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[Revocation]:
    lifetime = revocations.token_lifetime(request.app.state.settings)
    return await revocations.revocation_page(session, cursor, limit, lifetime)
