"""Key rotation: `pakt keys rotate` while a cases-like verifier (JWKSCache) keeps verifying."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession
from structlog.testing import capture_logs
from typer.testing import CliRunner

from services.auth.cli import commands
from services.auth.keys import KeyDecryptionError, KeyRing
from services.auth.settings import AuthSettings
from services.common import jwt
from services.common.auth import TokenVerifier
from services.common.jwks import JWKSCache
from tests.auth.conftest import bearer, client_token, login

ISSUER = "http://127.0.0.1:8080/auth"


def cli(database_url: str, *args: str):
    return CliRunner().invoke(commands, list(args), env={"AUTH_DATABASE_URL": database_url})


async def kids(client: httpx.AsyncClient) -> set[str]:
    return {k["kid"] for k in (await client.get("/auth/.well-known/jwks.json")).json()["keys"]}


async def test_verification_never_fails_across_keys_rotate(make_auth):
    async with make_auth(isolated=True) as auth:
        url = auth.app.state.settings.database_url
        transport = httpx.ASGITransport(app=auth.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            cache = JWKSCache(http, "http://testserver/auth/.well-known/jwks.json", min_refresh=0)
            cases = TokenVerifier(cache, audience="pakt-api", issuer=ISSUER)

            before = [
                (await login(auth.client, "cw.goeppingen")).json()["access_token"],
                (await client_token(auth.client, "kommunal-it-goeppingen")).json()["access_token"],
            ]
            for token in before:
                await cases.verify(token)
            old_kid = jwt.header_kid(before[0])

            result = await asyncio.to_thread(cli, url, "keys", "rotate")
            assert result.exit_code == 0, result.output
            assert "new signing key" in result.output

            after = [
                (await login(auth.client, "cw.goeppingen")).json()["access_token"],
                (await client_token(auth.client, "kommunal-it-goeppingen")).json()["access_token"],
            ]
            new_kid = jwt.header_kid(after[0])
            assert new_kid != old_kid
            assert new_kid in result.output
            assert {old_kid, new_kid} <= await kids(auth.client)
            for token in after + before:  # new tokens and old ones, in any order
                assert (await cases.verify(token)).org
                me = await auth.client.get(
                    "/auth/v1/me", headers={"Authorization": f"Bearer {token}"}
                )
                assert me.status_code == 200, me.text

            # once every token of the old key has expired, the key leaves the JWKS
            async with auth.session() as session:
                await session.exec(
                    text(
                        "UPDATE signing_key SET retired_at = now() - interval '1 day'"
                        " WHERE kid = :kid"
                    ),
                    params={"kid": old_kid},
                )
                await session.commit()
            assert old_kid not in await kids(auth.client)
            assert new_kid in await kids(auth.client)


async def test_admin_rotates_over_http_and_feed_announces_it(auth):
    admin = await bearer(auth.client, "admin")
    old = jwt.header_kid(admin["Authorization"].removeprefix("Bearer "))
    r = await auth.client.post("/auth/v1/signing-keys", headers=admin)
    assert r.status_code == 201, r.text
    kid = r.json()["kid"]
    assert kid != old
    fresh = (await login(auth.client, "cw.goeppingen")).json()["access_token"]
    assert jwt.header_kid(fresh) == kid
    assert (
        await auth.client.get("/auth/v1/me", headers=admin)
    ).status_code == 200  # old token still good
    worker = {"Authorization": f"Bearer {fresh}"}
    events = (
        await auth.client.get("/auth/v1/events", params={"type": "key.rotated"}, headers=worker)
    ).json()
    assert kid in {e["entity_id"] for e in events["items"]}
    refused = await auth.client.post("/auth/v1/signing-keys", headers=worker)
    assert refused.status_code == 403


async def test_private_keys_are_stored_encrypted(auth):
    async with auth.session() as session:
        rows = (await session.exec(text("SELECT private_key_encrypted FROM signing_key"))).all()
    assert rows
    for (blob,) in rows:
        assert b"PRIVATE KEY" not in bytes(blob)


async def test_a_wrong_key_encryption_key_stops_the_start(make_auth):
    with pytest.raises(KeyDecryptionError):
        async with make_auth(key_encryption_key="not-the-key-that-encrypted-them"):
            pass


def test_the_dev_key_encryption_key_warns_outside_development():
    with capture_logs() as logs:
        KeyRing(AuthSettings(environment="production"), sessions=AsyncSession)
    assert "dev_key_encryption_key" in {entry["event"] for entry in logs}
    with capture_logs() as logs:
        KeyRing(AuthSettings(environment="development"), sessions=AsyncSession)
        KeyRing(
            AuthSettings(environment="production", key_encryption_key="a-real-secret"),
            sessions=AsyncSession,
        )
    assert "dev_key_encryption_key" not in {entry["event"] for entry in logs}
