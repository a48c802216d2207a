"""Real RS256 tokens for tests: one key pair per test session, published as a JWKS."""

from __future__ import annotations

import time
import uuid
from typing import Any

from services.common import jwt
from services.common.settings import DEFAULT_AUDIENCE, DEFAULT_ISSUER


class TokenFactory:
    def __init__(self, issuer: str = DEFAULT_ISSUER, audience: str = DEFAULT_AUDIENCE) -> None:
        self.private_pem = jwt.generate_private_key_pem()
        self.kid = jwt.new_kid()
        self.issuer = issuer
        self.audience = audience

    @property
    def jwks(self) -> dict[str, Any]:
        return {"keys": [jwt.public_jwk(self.private_pem, self.kid)]}

    def claims(
        self,
        *,
        roles: list[str],
        org: str = "org-test",
        org_kind: str = "municipality",
        org_path: list[str] | None = None,
        sub: str | None = None,
        scope: str = "",
        expires_in: int = 900,
        **extra: Any,
    ) -> dict[str, Any]:
        now = int(time.time())
        return {
            "sub": sub or f"user-{uuid.uuid4().hex[:8]}",
            "org": org,
            "org_kind": org_kind,
            "org_path": org_path or [],
            "roles": roles,
            "scope": scope,
            "aud": self.audience,
            "iss": self.issuer,
            "iat": now,
            "exp": now + expires_in,
            "jti": uuid.uuid4().hex,
            **extra,
        }

    def token(self, **kwargs: Any) -> str:
        return jwt.sign(self.claims(**kwargs), self.private_pem, self.kid)

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}
