"""Revocation (RFC 7009), introspection (RFC 7662) and deactivation ending sessions at once."""

from __future__ import annotations

from sqlalchemy import text

from services.auth.security import token_hash
from services.auth.seed import DEMO_PASSWORD
from services.auth.tokens.repository import purge_expired
from tests.auth.conftest import GOEPPINGEN, basic, bearer, client_secret, client_token, login

KOMMUNAL = "kommunal-it-goeppingen"


def as_client(client_id: str = KOMMUNAL) -> dict[str, str]:
    return basic(client_id, client_secret(client_id))


async def refresh(auth, token: str):
    return await auth.client.post(
        "/auth/v1/token", data={"grant_type": "refresh_token", "refresh_token": token}
    )


async def introspect(auth, token: str, **form: str):
    r = await auth.client.post(
        "/auth/v1/introspect", data={"token": token, **form}, headers=as_client()
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_revoking_a_refresh_token_ends_the_login(auth):
    tokens = (await login(auth.client, "cw.goeppingen")).json()
    rotated = (await refresh(auth, tokens["refresh_token"])).json()
    r = await auth.client.post("/auth/v1/revoke", data={"token": rotated["refresh_token"]})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    after = await refresh(auth, rotated["refresh_token"])
    assert after.status_code == 400
    assert after.json()["error"] == "invalid_grant"


async def test_revoke_answers_200_for_unknown_tokens_and_checks_sent_client_credentials(auth):
    assert (
        await auth.client.post("/auth/v1/revoke", data={"token": "never-issued"})
    ).status_code == 200
    bad = await auth.client.post(
        "/auth/v1/revoke", data={"token": "x"}, headers=basic(KOMMUNAL, "wrong")
    )
    assert bad.status_code == 401
    assert bad.json()["error"] == "invalid_client"
    missing = await auth.client.post("/auth/v1/revoke", data={})
    assert missing.status_code == 400
    assert missing.json()["error"] == "invalid_request"


async def test_introspection_is_for_clients_only(auth):
    token = (await login(auth.client, "cw.goeppingen")).json()["access_token"]
    r = await auth.client.post("/auth/v1/introspect", data={"token": token})
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_client"
    r = await auth.client.post(
        "/auth/v1/introspect", data={"token": token}, headers=basic(KOMMUNAL, "wrong")
    )
    assert r.status_code == 401


async def test_introspection_of_access_and_refresh_tokens(auth):
    tokens = (await login(auth.client, "cw.goeppingen")).json()
    access = await introspect(auth, tokens["access_token"])
    assert access["active"] is True
    assert access["token_type"] == "access_token"
    assert access["username"] == "cw.goeppingen"
    assert access["org"] == GOEPPINGEN
    assert access["org_path"] == ["08", "081", "08117", "08117019"]
    assert access["roles"] == ["case_worker"]
    assert access["aud"] == "pakt-api"
    refresh_info = await introspect(auth, tokens["refresh_token"], token_type_hint="refresh_token")
    assert refresh_info["active"] is True
    assert refresh_info["token_type"] == "refresh_token"
    assert refresh_info["username"] == "cw.goeppingen"
    await refresh(auth, tokens["refresh_token"])  # used up now
    assert await introspect(auth, tokens["refresh_token"]) == {"active": False}
    assert await introspect(auth, "garbage") == {"active": False}
    assert await introspect(auth, "a.b.c", token_type_hint="access_token") == {"active": False}


async def test_introspecting_a_client_token(auth):
    token = (await client_token(auth.client, "batch-rp-stuttgart")).json()["access_token"]
    info = await introspect(auth, token)
    assert info["active"] is True
    assert info["client_id"] == "batch-rp-stuttgart"
    assert info["sub_type"] == "client"
    assert info["scope"] == "funding"


async def test_deactivating_a_user_stops_refresh_tokens_at_once(auth):
    tokens = (await login(auth.client, "applicant.goeppingen")).json()
    admin = await bearer(auth.client, "orgadmin.goeppingen")
    users = (await auth.client.get("/auth/v1/users", headers=admin)).json()["items"]
    target = next(u for u in users if u["username"] == "applicant.goeppingen")
    read = await auth.client.get(f"/auth/v1/users/{target['id']}", headers=admin)
    r = await auth.client.patch(
        f"/auth/v1/users/{target['id']}",
        json={"active": False},
        headers={**admin, "If-Match": read.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False
    assert r.json()["deactivated_at"] is not None
    after = await refresh(auth, tokens["refresh_token"])
    assert after.status_code == 400
    assert after.json()["error"] == "invalid_grant"
    assert await introspect(auth, tokens["access_token"]) == {"active": False}
    relogin = await login(auth.client, "applicant.goeppingen", DEMO_PASSWORD)
    assert relogin.status_code == 400
    assert relogin.json()["error"] == "invalid_grant"


async def test_deactivated_client_gets_no_tokens(auth):
    admin = await bearer(auth.client, "admin")
    clients = (await auth.client.get("/auth/v1/clients", headers=admin)).json()["items"]
    target = next(c for c in clients if c["client_id"] == "batch-rp-stuttgart")
    token = (await client_token(auth.client, "batch-rp-stuttgart")).json()["access_token"]
    read = await auth.client.get(f"/auth/v1/clients/{target['id']}", headers=admin)
    r = await auth.client.patch(
        f"/auth/v1/clients/{target['id']}",
        json={"active": False},
        headers={**admin, "If-Match": read.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    refused = await client_token(auth.client, "batch-rp-stuttgart")
    assert refused.status_code == 401
    assert await introspect(auth, token) == {"active": False}


async def test_client_secret_rotation(auth):
    admin = await bearer(auth.client, "admin")
    clients = (await auth.client.get("/auth/v1/clients", headers=admin)).json()["items"]
    target = next(c for c in clients if c["client_id"] == KOMMUNAL)
    r = await auth.client.post(f"/auth/v1/clients/{target['id']}/secrets", headers=admin)
    assert r.status_code == 201, r.text
    new_secret = r.json()["client_secret"]
    old = await client_token(auth.client, KOMMUNAL)
    assert old.status_code == 401
    new = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials"},
        headers=basic(KOMMUNAL, new_secret),
    )
    assert new.status_code == 200


async def test_long_expired_refresh_tokens_are_purged(auth):
    old = (await login(auth.client, "cw.goeppingen")).json()["refresh_token"]
    fresh = (await login(auth.client, "cw.goeppingen")).json()["refresh_token"]
    async with auth.session() as session:
        await session.exec(
            text(
                "UPDATE refresh_token SET expires_at = now() - interval '2 days'"
                " WHERE token_hash = :h"
            ),
            params={"h": token_hash(old)},
        )
        await purge_expired(session)
        await session.commit()
        left = {
            r[0] for r in (await session.exec(text("SELECT token_hash FROM refresh_token"))).all()
        }
    assert token_hash(old) not in left
    assert token_hash(fresh) in left
    assert (await refresh(auth, old)).json()["error"] == "invalid_grant"
