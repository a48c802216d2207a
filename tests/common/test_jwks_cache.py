"""The verifier's key cache: fetched once, refreshed on an unknown kid, never flooded."""

from __future__ import annotations

import httpx
import pytest

from services.common import jwt
from services.common.auth import TokenVerifier
from services.common.jwks import JWKSCache
from tests.support.tokens import TokenFactory


class KeyServer:
    """Stands in for an outside JWKS endpoint: serves whatever keys it currently holds."""

    def __init__(self, *factories: TokenFactory) -> None:
        self.keys = [f.jwks["keys"][0] for f in factories]
        self.hits = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.hits += 1
        return httpx.Response(200, json={"keys": self.keys})


async def test_verifies_fetches_once_and_picks_up_rotated_keys():
    old, new = TokenFactory(), TokenFactory()
    server = KeyServer(old)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server.handler)) as client:
        cache = JWKSCache(client, "http://auth/jwks", min_refresh=0)
        verifier = TokenVerifier(cache, audience=old.audience, issuer=old.issuer)
        for _ in range(3):
            assert (await verifier.verify(old.token(roles=["analyst"]))).roles == {"analyst"}
        assert server.hits == 1
        server.keys.append(new.jwks["keys"][0])  # auth rotated: the new kid appears
        assert (await verifier.verify(new.token(roles=["admin"]))).roles == {"admin"}
        assert server.hits == 2


async def test_unknown_kids_cannot_flood_auth():
    real, forged = TokenFactory(), TokenFactory()
    server = KeyServer(real)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server.handler)) as client:
        verifier = TokenVerifier(
            JWKSCache(client, "http://auth/jwks", min_refresh=60),
            audience=real.audience,
            issuer=real.issuer,
        )
        for _ in range(20):
            with pytest.raises(jwt.InvalidToken):
                await verifier.verify(forged.token(roles=[]))
        assert server.hits == 1
