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


def cli(database_url: str, *args: str, input: str | None = None, **env: str):
    return CliRunner().invoke(
        commands, list(args), input=input, env={"AUTH_DATABASE_URL": database_url, **env}
    )


async def kids(client: httpx.AsyncClient) -> set[str]:
    return {k["kid"] for k in (await client.get("/auth/.well-known/jwks.json")).json()["keys"]}


async def test_verification_never_fails_across_keys_rotate(make_auth):
    async with make_auth(isolated=True) as auth:
        url = auth.app.state.settings.database_url
        transport = httpx.ASGITransport(app=auth.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            jwks_url = "http://testserver/auth/.well-known/jwks.json"
            # a cases-like verifier that refetches an unknown kid at most once a second
            cache = JWKSCache(http, jwks_url, min_refresh=1)
            cases = TokenVerifier(cache, audience="pakt-api", issuer=ISSUER)

            async def issue() -> list[str]:
                user = await login(auth.client, "cw.goeppingen")
                client = await client_token(auth.client, "kommunal-it-goeppingen")
                return [user.json()["access_token"], client.json()["access_token"]]

            before = await issue()
            for token in before:
                await cases.verify(token)
            old_kid = jwt.header_kid(before[0])

            result = await asyncio.to_thread(
                cli, url, "keys", "rotate", AUTH_KEY_PUBLISH_AHEAD_SECONDS="2"
            )
            assert result.exit_code == 0, result.output
            new_kid = result.output.split("new signing key ")[1].split()[0]
            assert new_kid != old_kid
            assert {old_kid, new_kid} <= await kids(auth.client)  # published before it signs
            early = cases.verify  # fetched before the rotation: refetches once, in time
            # a verifier fetching now already knows the key that will sign
            late_cache = JWKSCache(http, jwks_url, min_refresh=60)
            late = TokenVerifier(late_cache, audience="pakt-api", issuer=ISSUER)
            await late.verify(before[0])
            assert late_cache.fetches == 1

            during = await issue()
            assert {jwt.header_kid(t) for t in during} == {old_kid}  # the old key still signs
            await asyncio.sleep(2.1)
            after = await issue()
            assert {jwt.header_kid(t) for t in after} == {new_kid}

            for token in before + during + after:  # every token, in any order
                assert (await early(token)).org
                assert (await late.verify(token)).org
                me = await auth.client.get(
                    "/auth/v1/me", headers={"Authorization": f"Bearer {token}"}
                )
                assert me.status_code == 200, me.text
            assert late_cache.fetches == 1  # it had the new key before the first token named it

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
    assert r.json()["activates_at"]
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
            pytest.fail("auth started with a key that cannot decrypt its signing keys")


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
