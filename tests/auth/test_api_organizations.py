"""The organizations directory: reads for everyone signed in, writes and CSV import for admins."""

from __future__ import annotations

from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.common.pagination import encode_cursor
from tests.auth.conftest import GOEPPINGEN, LRA_GOEPPINGEN, bearer

HEIDENHEIM_LK = org_id_for_ags("08135")


async def test_directory_needs_a_token(auth):
    r = await auth.client.get("/auth/v1/organizations")
    assert r.status_code == 401


async def test_seeded_hierarchy_of_baden_wuerttemberg(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    regions = (
        await auth.client.get("/auth/v1/organizations", params={"kind": "region"}, headers=me)
    ).json()
    assert sorted(o["ags"] for o in regions["items"]) == ["081", "082", "083", "084"]
    for kind, count in (("rural_district", 35), ("urban_district", 9)):
        r = await auth.client.get(
            "/auth/v1/organizations", params={"kind": kind, "limit": 100}, headers=me
        )
        assert len(r.json()["items"]) == count, kind
    state = (
        await auth.client.get("/auth/v1/organizations", params={"kind": "state"}, headers=me)
    ).json()
    assert [o["name"] for o in state["items"]] == ["Baden-Württemberg"]
    ministry = (
        await auth.client.get(f"/auth/v1/organizations/{org_id_for_slug('ministry')}", headers=me)
    ).json()
    assert ministry["kind"] == "ministry"
    assert ministry["org_path"] == ["08"]


async def test_get_one_organization_with_etag(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    r = await auth.client.get(f"/auth/v1/organizations/{GOEPPINGEN}", headers=me)
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Göppingen"
    assert body["ags"] == "08117019"
    assert body["parent_id"] == LRA_GOEPPINGEN
    assert body["org_path"] == ["08", "081", "08117", "08117019"]
    assert body["key_verified"] is True
    assert r.headers["etag"] == '"1"'
    missing = await auth.client.get(f"/auth/v1/organizations/{org_id_for_ags('08999')}", headers=me)
    assert missing.status_code == 404
    assert missing.json()["type"].endswith("/organization-not-found")


async def test_chain_up_to_the_state(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    r = await auth.client.get(f"/auth/v1/organizations/{GOEPPINGEN}/chain", headers=me)
    assert [o["ags"] for o in r.json()["items"]] == ["08", "081", "08117", "08117019"]
    assert [o["kind"] for o in r.json()["items"]] == [
        "state",
        "region",
        "rural_district",
        "municipality",
    ]
    caritas = org_id_for_slug("caritas-fils-neckar-alb")
    chain = (await auth.client.get(f"/auth/v1/organizations/{caritas}/chain", headers=me)).json()[
        "items"
    ]
    assert [o["kind"] for o in chain] == ["state", "region", "rural_district", "provider"]


async def test_filters_and_cursor_pagination(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    heidenheim = await auth.client.get(
        "/auth/v1/organizations", params={"ags_prefix": "08135"}, headers=me
    )
    ags = {o["ags"] for o in heidenheim.json()["items"]}
    assert {"08135", "08135019", "08135015"} <= ags
    assert all(a.startswith("08135") for a in ags)
    unverified = [o for o in heidenheim.json()["items"] if not o["key_verified"]]
    assert {o["name"] for o in unverified} >= {"Königsbronn", "Nattheim", "Steinheim am Albuch"}
    children = await auth.client.get(
        "/auth/v1/organizations", params={"parent_id": HEIDENHEIM_LK}, headers=me
    )
    kinds = {o["kind"] for o in children.json()["items"]}
    assert kinds == {"municipality", "provider", "consortium"}
    by_name = await auth.client.get(
        "/auth/v1/organizations", params={"name_prefix": "landkreis g"}, headers=me
    )
    assert [o["name"] for o in by_name.json()["items"]] == ["Landkreis Göppingen"]
    percent = await auth.client.get(
        "/auth/v1/organizations", params={"name_prefix": "%"}, headers=me
    )
    assert percent.json()["items"] == []  # wildcards are taken literally
    seen: list[str] = []
    params = {"limit": 7, "kind": "rural_district"}
    while True:
        page = await auth.client.get("/auth/v1/organizations", params=params, headers=me)
        assert page.status_code == 200
        seen += [o["name"] for o in page.json()["items"]]
        if not page.json()["next_cursor"]:
            assert "link" not in page.headers
            break
        assert 'rel="next"' in page.headers["link"]
        params = {**params, "cursor": page.json()["next_cursor"]}
    assert len(seen) == 35
    assert len(set(seen)) == 35
    for cursor in ("not-a-cursor", encode_cursor("Landkreis", "not-a-uuid"), encode_cursor(1)):
        bad = await auth.client.get("/auth/v1/organizations", params={"cursor": cursor}, headers=me)
        assert bad.status_code == 400, cursor


async def test_consortia_list_members_across_districts(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    albuch = (
        await auth.client.get(
            f"/auth/v1/organizations/{org_id_for_slug('verbund-albuch')}", headers=me
        )
    ).json()
    assert albuch["kind"] == "consortium"
    assert set(albuch["member_ids"]) == {
        org_id_for_ags(a) for a in ("08135025", "08135027", "08135031")
    }
    admin = await bearer(auth.client, "admin")
    r = await auth.client.patch(
        f"/auth/v1/organizations/{albuch['id']}",
        json={
            "member_ids": [*albuch["member_ids"], GOEPPINGEN]
        },  # Göppingen lies in another district
        headers={**admin, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert GOEPPINGEN in r.json()["member_ids"]
    assert r.headers["etag"] == '"2"'
    not_a_municipality = await auth.client.patch(
        f"/auth/v1/organizations/{albuch['id']}",
        json={"member_ids": [LRA_GOEPPINGEN]},
        headers={**admin, "If-Match": '"2"'},
    )
    assert not_a_municipality.status_code == 422


async def test_admin_creates_and_renames_organizations(auth):
    admin = await bearer(auth.client, "admin")
    body = {
        "kind": "municipality",
        "name": "Eislingen/Fils",
        "ags": "08117017",
        "parent_id": LRA_GOEPPINGEN,
    }
    r = await auth.client.post("/auth/v1/organizations", json=body, headers=admin)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["id"] == org_id_for_ags("08117017")
    assert created["org_path"] == ["08", "081", "08117", "08117017"]
    assert (
        await auth.client.post("/auth/v1/organizations", json=body, headers=admin)
    ).status_code == 409
    url = f"/auth/v1/organizations/{created['id']}"
    assert (
        await auth.client.patch(url, json={"name": "Stadt Eislingen/Fils"}, headers=admin)
    ).status_code == 428
    renamed = await auth.client.patch(
        url, json={"name": "Stadt Eislingen/Fils"}, headers={**admin, "If-Match": '"1"'}
    )
    assert renamed.json()["name"] == "Stadt Eislingen/Fils"
    stale = await auth.client.patch(url, json={"name": "x"}, headers={**admin, "If-Match": '"1"'})
    assert stale.status_code == 412


async def test_hierarchy_rules_are_enforced(auth):
    admin = await bearer(auth.client, "admin")
    bad = [
        {
            "kind": "municipality",
            "name": "X",
            "ags": "08135099",
            "parent_id": LRA_GOEPPINGEN,
        },  # wrong prefix
        {
            "kind": "municipality",
            "name": "X",
            "ags": "08117",
            "parent_id": LRA_GOEPPINGEN,
        },  # wrong length
        {
            "kind": "municipality",
            "name": "X",
            "ags": "08117099",
            "parent_id": GOEPPINGEN,
        },  # wrong parent kind
        {
            "kind": "provider",
            "name": "X",
            "ags": "08117099",
            "parent_id": LRA_GOEPPINGEN,
        },  # providers have no AGS
        {
            "kind": "municipality",
            "name": "X",
            "ags": "09117099",
            "parent_id": LRA_GOEPPINGEN,
        },  # not BW
        {"kind": "municipality", "name": "", "ags": "08117099", "parent_id": LRA_GOEPPINGEN},
        {"kind": "municipality", "name": "X" * 201, "ags": "08117099", "parent_id": LRA_GOEPPINGEN},
    ]
    for body in bad:
        r = await auth.client.post("/auth/v1/organizations", json=body, headers=admin)
        assert r.status_code == 422, body
        assert r.headers["content-type"] == "application/problem+json"


async def test_only_admins_write_the_directory(auth):
    org_admin = await bearer(auth.client, "orgadmin.goeppingen")
    body = {"kind": "provider", "name": "AWO Göppingen", "parent_id": LRA_GOEPPINGEN}
    assert (
        await auth.client.post("/auth/v1/organizations", json=body, headers=org_admin)
    ).status_code == 403
    csv = "ags;name;kind;parent_ags\n08117017;Eislingen/Fils;municipality;08117\n"
    r = await auth.client.post(
        "/auth/v1/organization-imports",
        content=csv,
        headers={**org_admin, "Content-Type": "text/csv"},
    )
    assert r.status_code == 403


async def test_csv_import_reports_errors_per_row(auth):
    admin = await bearer(auth.client, "admin")
    csv = (
        "ags;name;kind;parent_ags\n"
        "08117017;Eislingen/Fils;municipality;08117\n"  # 2: created
        "08117019;Göppingen;municipality;08117\n"  # 3: exists
        "0811;Kaputt;municipality;08117\n"  # 4: bad AGS
        "08117099;Nirgendwo;municipality;08999\n"  # 5: unknown parent
        "08117024;Geislingen an der Steige;town;08117\n"  # 6: unknown kind
        ";Caritas Eislingen;provider;08117017\n"  # 7: parent created in line 2
        "08135099;Falscher Kreis;municipality;08117\n"  # 8: AGS not under parent
    )
    refused = await auth.client.post(
        "/auth/v1/organization-imports",
        files={"file": ("orgs.csv", csv.encode(), "text/csv")},
        headers=admin,
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"].endswith("/import-refused")
    assert [e["line"] for e in refused.json()["line_errors"]] == [4, 5, 6, 8]
    before = await auth.client.get(
        f"/auth/v1/organizations/{org_id_for_ags('08117017')}", headers=admin
    )
    assert before.status_code == 404  # all-or-nothing (the default) wrote nothing
    r = await auth.client.post(
        "/auth/v1/organization-imports",
        params={"mode": "valid-rows"},
        files={"file": ("orgs.csv", csv.encode(), "text/csv")},
        headers=admin,
    )
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["summary"] == {"created": 2, "updated": 0, "unchanged": 1, "failed": 4}
    assert [(e["line"], e["field"], e["code"]) for e in result["line_errors"]] == [
        (4, "ags", "invalid"),
        (5, "parent_ags", "not-found"),
        (6, "kind", "invalid"),
        (8, None, "invalid"),
    ]
    assert "08999" in result["line_errors"][1]["message"]
    eislingen = await auth.client.get(
        f"/auth/v1/organizations/{org_id_for_ags('08117017')}", headers=admin
    )
    assert eislingen.status_code == 200
    header = await auth.client.post(
        "/auth/v1/organization-imports",
        content=b"a;b\n1;2\n",
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert header.status_code == 400
    assert header.json()["type"].endswith("/unreadable-import-file")
    wrong_type = await auth.client.post(
        "/auth/v1/organization-imports", json={"x": 1}, headers=admin
    )
    assert wrong_type.status_code == 415
