"""Users and API clients: org_admin confinement to its own organization, admin everywhere."""

from __future__ import annotations

from sqlalchemy import text

from tests.auth.conftest import GOEPPINGEN, LRA_GOEPPINGEN, RP_STUTTGART, basic, bearer, login

PROBLEM = "application/problem+json"


def new_user(org: str = GOEPPINGEN, roles: list[str] | None = None, **extra):
    return {
        "username": "cw2.goeppingen",
        "display_name": "Integrationsmanagement Göppingen 2",
        "organization_id": org,
        "roles": roles or ["case_worker"],
        "password": "Lindenallee-17-Fils",
        **extra,
    }


def new_client(org: str = GOEPPINGEN, **extra):
    return {
        "client_id": "fachverfahren-goeppingen",
        "name": "Fachverfahren Göppingen",
        "organization_id": org,
        "roles": ["case_worker"],
        "scopes": ["cases"],
        **extra,
    }


async def user_id(auth, username: str) -> str:
    admin = await bearer(auth.client, "admin")
    r = await auth.client.get("/auth/v1/users", params={"limit": 100}, headers=admin)
    return str(next(u["id"] for u in r.json()["items"] if u["username"] == username))


async def test_org_admin_sees_only_its_own_users(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    r = await auth.client.get("/auth/v1/users", headers=me)
    assert r.status_code == 200
    names = {u["username"] for u in r.json()["items"]}
    assert names == {
        "cw.goeppingen",
        "privacy.goeppingen",
        "orgadmin.goeppingen",
        "applicant.goeppingen",
    }
    other = await auth.client.get(
        "/auth/v1/users", params={"organization_id": LRA_GOEPPINGEN}, headers=me
    )
    assert other.status_code == 403
    reviewer = await user_id(auth, "reviewer.goeppingen")
    assert (await auth.client.get(f"/auth/v1/users/{reviewer}", headers=me)).status_code == 404
    patch = await auth.client.patch(
        f"/auth/v1/users/{reviewer}", json={"active": False}, headers={**me, "If-Match": '"1"'}
    )
    assert patch.status_code == 404
    assert patch.headers["content-type"] == PROBLEM


async def test_org_admin_creates_users_only_in_its_organization(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    foreign = await auth.client.post("/auth/v1/users", json=new_user(LRA_GOEPPINGEN), headers=me)
    assert foreign.status_code == 403
    admin_role = await auth.client.post(
        "/auth/v1/users", json=new_user(roles=["admin"]), headers=me
    )
    assert admin_role.status_code == 403
    assert admin_role.json()["type"].endswith("/role-not-grantable")
    created = await auth.client.post("/auth/v1/users", json=new_user(), headers=me)
    assert created.status_code == 201, created.text
    assert created.headers["etag"] == '"1"'
    assert created.headers["location"] == f"/auth/v1/users/{created.json()['id']}"
    assert "password" not in created.text
    assert (await login(auth.client, "cw2.goeppingen", "Lindenallee-17-Fils")).status_code == 200
    again = await auth.client.post("/auth/v1/users", json=new_user(), headers=me)
    assert again.status_code == 409


async def test_password_policy(auth):
    me = await bearer(auth.client, "admin")
    for password, hint in (
        ("short-1", "12"),
        ("xx-cw2.goeppingen-xx", "username"),
        ("aaaaaaaaaaaaaaaa", "guess"),
    ):
        r = await auth.client.post("/auth/v1/users", json=new_user(password=password), headers=me)
        assert r.status_code == 422, password
        assert r.json()["type"].endswith("/weak-password")
        assert hint in r.json()["detail"]
    too_long = await auth.client.post(
        "/auth/v1/users", json=new_user(password="x" * 129), headers=me
    )
    assert too_long.status_code == 422


async def test_admin_manages_every_organization(auth):
    admin = await bearer(auth.client, "admin")
    r = await auth.client.post(
        "/auth/v1/users",
        json=new_user(LRA_GOEPPINGEN, ["district_reviewer"], username="reviewer2.lra"),
        headers=admin,
    )
    assert r.status_code == 201, r.text
    assert r.json()["organization_id"] == LRA_GOEPPINGEN
    all_users = await auth.client.get("/auth/v1/users", params={"limit": 100}, headers=admin)
    assert len(all_users.json()["items"]) >= 11
    page = await auth.client.get("/auth/v1/users", params={"limit": 3}, headers=admin)
    assert len(page.json()["items"]) == 3
    assert page.json()["next_cursor"]
    assert 'rel="next"' in page.headers["link"]
    nxt = await auth.client.get(
        "/auth/v1/users", params={"limit": 3, "cursor": page.json()["next_cursor"]}, headers=admin
    )
    first = [u["username"] for u in page.json()["items"]]
    second = [u["username"] for u in nxt.json()["items"]]
    assert not set(first) & set(second)
    assert first + second == sorted(first + second)


async def test_users_api_needs_an_admin_role(auth):
    worker = await bearer(auth.client, "cw.goeppingen")
    assert (await auth.client.get("/auth/v1/users", headers=worker)).status_code == 403
    assert (
        await auth.client.post("/auth/v1/users", json=new_user(), headers=worker)
    ).status_code == 403
    assert (await auth.client.get("/auth/v1/clients", headers=worker)).status_code == 403


async def test_changes_need_the_current_etag(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    target = await user_id(auth, "cw.goeppingen")
    url = f"/auth/v1/users/{target}"
    missing = await auth.client.patch(url, json={"display_name": "IM Göppingen"}, headers=me)
    assert missing.status_code == 428, missing.text
    current = (await auth.client.get(url, headers=me)).headers["etag"]
    ok = await auth.client.patch(
        url, json={"display_name": "IM Göppingen"}, headers={**me, "If-Match": current}
    )
    assert ok.status_code == 200
    assert ok.json()["display_name"] == "IM Göppingen"
    stale = await auth.client.patch(
        url, json={"display_name": "x"}, headers={**me, "If-Match": current}
    )
    assert stale.status_code == 412
    promote = await auth.client.patch(
        url, json={"roles": ["admin"]}, headers={**me, "If-Match": ok.headers["etag"]}
    )
    assert promote.status_code == 403


async def test_org_admin_manages_clients_of_its_organization_only(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    foreign = await auth.client.post("/auth/v1/clients", json=new_client(RP_STUTTGART), headers=me)
    assert foreign.status_code == 403
    created = await auth.client.post("/auth/v1/clients", json=new_client(), headers=me)
    assert created.status_code == 201, created.text
    secret = created.json()["client_secret"]
    assert created.headers["cache-control"] == "no-store"
    token = await auth.client.post(
        "/auth/v1/token",
        data={"grant_type": "client_credentials"},
        headers=basic("fachverfahren-goeppingen", secret),
    )
    assert token.status_code == 200
    listed = await auth.client.get("/auth/v1/clients", headers=me)
    assert {c["client_id"] for c in listed.json()["items"]} == {
        "kommunal-it-goeppingen",
        "fachverfahren-goeppingen",
    }
    assert all("client_secret" not in c for c in listed.json()["items"])
    admin = await bearer(auth.client, "admin")
    everyone = (await auth.client.get("/auth/v1/clients", headers=admin)).json()["items"]
    batch = next(c for c in everyone if c["client_id"] == "batch-rp-stuttgart")
    assert (await auth.client.get(f"/auth/v1/clients/{batch['id']}", headers=me)).status_code == 404
    assert (
        await auth.client.post(f"/auth/v1/clients/{batch['id']}/secrets", headers=me)
    ).status_code == 404


async def test_changes_are_audited_and_published_as_events(auth):
    me = await bearer(auth.client, "orgadmin.goeppingen")
    created = (await auth.client.post("/auth/v1/users", json=new_user(), headers=me)).json()
    current = (await auth.client.get(f"/auth/v1/users/{created['id']}", headers=me)).headers["etag"]
    await auth.client.patch(
        f"/auth/v1/users/{created['id']}",
        json={"active": False},
        headers={**me, "If-Match": current},
    )
    await auth.client.post("/auth/v1/clients", json=new_client(), headers=me)
    feed = (await auth.client.get("/auth/v1/events", params={"limit": 500}, headers=me)).json()
    mine = [(e["type"], e["entity_id"]) for e in feed["items"]]
    assert ("user.created", created["id"]) in mine
    assert ("user.deactivated", created["id"]) in mine
    assert "client.created" in {t for t, _ in mine}
    assert all("password" not in str(e["payload"]) for e in feed["items"])
    reviewer = await bearer(auth.client, "reviewer.goeppingen")
    theirs = (
        await auth.client.get("/auth/v1/events", params={"limit": 500}, headers=reviewer)
    ).json()
    assert created["id"] not in {e["entity_id"] for e in theirs["items"]}
    async with auth.session() as session:
        rows = (
            await session.exec(
                text(
                    "SELECT action, actor, actor_org FROM audit_entry"
                    " WHERE entity_id = :id ORDER BY id"
                ),
                params={"id": created["id"]},
            )
        ).all()
    assert [r.action for r in rows] == ["user.created", "user.updated"]
    assert {r.actor_org for r in rows} == {GOEPPINGEN}
