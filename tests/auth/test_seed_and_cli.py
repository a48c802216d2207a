"""`pakt seed` (idempotent, stable demo secrets) and the operator commands of auth."""

from __future__ import annotations

import asyncio

from services.auth.seed import seed
from tests.auth.conftest import GOEPPINGEN, LRA_GOEPPINGEN, basic, client_secret, login
from tests.auth.test_key_rotation import cli


async def test_reseeding_changes_nothing_and_prints_the_same_secrets(make_auth):
    async with make_auth(isolated=True) as auth:
        settings = auth.app.state.settings
        lines = await asyncio.to_thread(asyncio.run, seed(settings.database_url, settings))
        text = "\n".join(lines)
        assert "(0 new), 0 new demo users" in text
        assert "cw.goeppingen" in text
        assert "pakt-demo-2026" in text
        for client_id in ("batch-rp-stuttgart", "kommunal-it-goeppingen"):
            assert client_secret(client_id) in text
            r = await auth.client.post(
                "/auth/v1/token",
                data={"grant_type": "client_credentials"},
                headers=basic(client_id, client_secret(client_id)),
            )
            assert r.status_code == 200


async def test_operator_creates_users_and_clients(make_auth):
    async with make_auth(isolated=True) as auth:
        url = auth.app.state.settings.database_url
        user = await asyncio.to_thread(
            cli,
            url,
            "users",
            "create",
            "cw3.goeppingen",
            "--org",
            GOEPPINGEN,
            "--role",
            "case_worker",
            "--password-stdin",
            input="Lindenallee-17-Fils\n",
        )
        assert user.exit_code == 0, user.output
        assert (
            await login(auth.client, "cw3.goeppingen", "Lindenallee-17-Fils")
        ).status_code == 200
        weak = await asyncio.to_thread(
            cli,
            url,
            "users",
            "create",
            "cw4.goeppingen",
            "--org",
            GOEPPINGEN,
            "--role",
            "case_worker",
            "--password-stdin",
            input="short\n",
        )
        assert weak.exit_code == 1
        assert "12 characters" in weak.output + str(weak.exception)  # `pakt` prints it as one line
        client = await asyncio.to_thread(
            cli,
            url,
            "clients",
            "create",
            "lra-goeppingen-sync",
            "--org",
            LRA_GOEPPINGEN,
            "--role",
            "district_reviewer",
            "--scope",
            "funding",
        )
        assert client.exit_code == 0, client.output
        secret = next(
            line.split(": ", 1)[1]
            for line in client.output.splitlines()
            if line.startswith("client_secret:")
        )
        token = await auth.client.post(
            "/auth/v1/token",
            data={"grant_type": "client_credentials"},
            headers=basic("lra-goeppingen-sync", secret),
        )
        assert token.status_code == 200
        assert token.json()["scope"] == "funding"


async def test_operator_registers_a_frontend_as_a_public_client(make_auth):
    async with make_auth(isolated=True) as auth:
        url = auth.app.state.settings.database_url
        common = ("clients", "create", "--org", GOEPPINGEN, "--role", "case_worker")
        made = await asyncio.to_thread(
            cli,
            url,
            *common[:2],
            "fachverfahren-web",
            *common[2:],
            "--type",
            "public",
            "--redirect-uri",
            "https://fv.goeppingen.example/callback",
        )
        assert made.exit_code == 0, made.output
        assert "created public client fachverfahren-web" in made.output
        assert "client_secret" not in made.output
        listed = await auth.client.get(
            "/auth/.well-known/openid-configuration"
        )  # the public client uses the code flow the provider advertises
        assert "authorization_code" in listed.json()["grant_types_supported"]
        refused = await asyncio.to_thread(
            cli,
            url,
            *common[:2],
            "fachverfahren-plain",
            *common[2:],
            "--type",
            "public",
            "--redirect-uri",
            "http://fv.goeppingen.example/callback",  # http only for loopback hosts
        )
        assert refused.exit_code == 1
        assert "https" in refused.output + str(refused.exception)
