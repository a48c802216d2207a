"""Who is calling: token verification (cached per token) and role/scope dependencies."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.common import jwt
from services.common.jwks import KeyResolver
from services.common.problem_types import texts
from services.common.problems import Forbidden, Unauthorized
from services.common.revocation import RevocationList


@dataclass(frozen=True)
class Principal:
    """The verified caller: a user or a machine client, acting for one organization."""

    subject: str
    org: str
    org_kind: str
    org_path: tuple[str, ...]
    roles: frozenset[str]
    scopes: frozenset[str]
    token_id: str
    expires_at: int
    is_client: bool = False
    issued_at: int = 0
    session_id: str | None = None  # `sid`: the login (refresh-token family) of a user token
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        try:
            return cls(
                subject=str(claims["sub"]),
                org=str(claims["org"]),
                org_kind=str(claims.get("org_kind", "")),
                org_path=tuple(str(p) for p in claims.get("org_path", [])),
                roles=frozenset(str(r) for r in claims.get("roles", [])),
                scopes=frozenset(str(claims.get("scope", "")).split()),
                token_id=str(claims.get("jti", "")),
                expires_at=int(claims["exp"]),
                is_client=claims.get("sub_type") == "client",
                issued_at=int(claims["iat"]),
                session_id=str(claims["sid"]) if claims.get("sid") else None,
                claims=claims,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise jwt.InvalidToken("token lacks required claims") from exc


class TokenVerifier:
    """Verifies each distinct token once and remembers the result until it expires."""

    def __init__(
        self,
        keys: KeyResolver,
        *,
        audience: str,
        issuer: str,
        leeway: int = 30,
        cache_size: int = 10_000,
    ) -> None:
        self.keys = keys
        self.audience = audience
        self.issuer = issuer
        self.leeway = min(leeway, 60)  # the same cap jwt.verify applies, also for cached tokens
        self._cache: OrderedDict[str, Principal] = OrderedDict()
        self._cache_size = cache_size

    async def verify(self, token: str) -> Principal:
        cached = self._cache.get(token)
        if cached is not None:
            if cached.expires_at + self.leeway > time.time():
                return cached
            del self._cache[token]
        kid = jwt.header_kid(token)
        key = await self.keys.key_for(kid)
        if key is None:
            raise jwt.InvalidToken("unknown signing key")
        claims = jwt.verify(
            token, key, audience=self.audience, issuer=self.issuer, leeway=self.leeway
        )
        principal = Principal.from_claims(claims)
        self._cache[token] = principal
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return principal


bearer_scheme = HTTPBearer(auto_error=False, description="An access token from POST /auth/v1/token")


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> Principal:
    if credentials is None:
        raise Unauthorized(
            texts(
                "Send an access token: Authorization: Bearer <token>",
                "Senden Sie ein Access-Token: Authorization: Bearer <token>",
            ),
            error="invalid_request",
        )
    verifier: TokenVerifier = request.app.state.verifier
    try:
        principal = await verifier.verify(credentials.credentials)
    except jwt.InvalidToken as exc:
        raise Unauthorized(
            texts(
                f"The access token is not valid: {exc}",
                f"Das Access-Token ist ungültig: {exc}",
            )
        ) from exc
    if is_revoked(request.app.state.revocations, principal):
        raise Unauthorized(
            texts(
                "The access token was revoked (deactivated account or ended login)",
                "Das Access-Token wurde widerrufen (deaktiviertes Konto oder beendete Anmeldung)",
            )
        )
    return principal


def is_revoked(revocations: RevocationList, principal: Principal) -> bool:
    """True when auth revoked the token's subject or session after the token was issued."""
    kind = "client" if principal.is_client else "user"
    return revocations.revoked(kind, principal.subject, principal.session_id, principal.issued_at)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets through callers holding any of `roles` (403 otherwise)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden(
                texts(
                    f"This needs one of the roles: {', '.join(roles)}",
                    f"Dafür ist eine dieser Rollen nötig: {', '.join(roles)}",
                )
            )
        return principal

    return check


def require_scopes(*scopes: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets through tokens carrying every one of `scopes` (403 otherwise)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        missing = set(scopes) - principal.scopes
        if missing:
            raise Forbidden(
                texts(
                    f"The token lacks the scopes: {' '.join(sorted(missing))}",
                    f"Dem Token fehlen die Scopes: {' '.join(sorted(missing))}",
                )
            )
        return principal

    return check
