"""The claims of an OpenID Connect ID token (OIDC Core section 2).

Signed like access tokens (RS256, the same keys and `kid`, services/common/jwt.py), but meant
for the client, not for the API: `aud` is the client_id, so no service accepts it as an access
token (they require `aud` = pakt-api).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Row

from services.auth.tokens.schemas import Login


def id_token(user: Row[Any], login: Login, sid: str, issuer: str, ttl: int) -> dict[str, Any]:
    """Claims for `user`'s login at `login.client_id`; `sid` names the login (logout)."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": str(user.id),
        "aud": login.client_id,
        "azp": login.client_id,
        "exp": now + ttl,
        "iat": now,
        "auth_time": login.auth_time or now,
        "sid": sid,
        "name": user.username,
        "preferred_username": user.username,
        "org": str(user.organization_id),
        "roles": sorted(user.roles),
    }
    if login.nonce is not None:
        claims["nonce"] = login.nonce
    return claims
