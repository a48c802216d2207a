"""The `pakt` command as a newcomer runs it: migrate twice, a taken port, start/stop twice."""

from __future__ import annotations

import asyncio
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from services.auth.seed import DEMO_PASSWORD
from services.cli.postgres import SERVICES, Server, drop_database, find_server
from services.cli.stack import RUN_ROOT, Ports, port_is_free
from tests.support.stack import clean_env

pytestmark = pytest.mark.e2e

PAKT = str(Path(sys.executable).with_name("pakt"))


@pytest.fixture
def fresh_databases() -> Iterator[tuple[Server, dict[str, str]]]:
    """Environment naming fresh, not yet existing service databases; dropped afterwards."""
    server = find_server()
    suffix = uuid.uuid4().hex[:8]
    names = {service: f"pakt_cli_{service}_{suffix}" for service in SERVICES}
    env = clean_env()
    env["DATABASE_URL"] = server.url
    for service, name in names.items():
        env[f"{service.upper()}_DATABASE_URL"] = server.database_url(name)
    yield server, env
    for name in names.values():
        drop_database(server, name)


def pakt(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [PAKT, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


async def _alembic_head(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        return str(await conn.fetchval("SELECT version_num FROM alembic_version"))
    finally:
        await conn.close()


def test_db_migrate_creates_then_is_idempotent(fresh_databases):
    _server, env = fresh_databases

    first = pakt("db", "migrate", env=env)
    versions = {s: asyncio.run(_alembic_head(env[f"{s.upper()}_DATABASE_URL"])) for s in SERVICES}
    second = pakt("db", "migrate", env=env)

    assert first.returncode == 0, first.stderr
    assert "PostgreSQL: DATABASE_URL" in first.stdout
    assert first.stdout.count("created") == 3
    assert second.returncode == 0, second.stderr
    assert second.stdout.count("exists") == 3
    assert "created" not in second.stdout
    again = {s: asyncio.run(_alembic_head(env[f"{s.upper()}_DATABASE_URL"])) for s in SERVICES}
    assert again == versions
    assert all(versions.values())


def test_port_in_use_gives_a_clear_message_and_touches_nothing(fresh_databases):
    server, env = fresh_databases
    ports = Ports.free()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", ports.gateway))
        taken.listen()
        result = pakt("dev", *_dev_args(ports), env=env, timeout=60)

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1  # one line, on stderr
    assert f"Port {ports.gateway}" in result.stderr
    assert "already in use" in result.stderr
    assert "--gateway-port" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not asyncio.run(_database_exists(server, env["AUTH_DATABASE_URL"].rsplit("/", 1)[1]))


async def _database_exists(server: Server, name: str) -> bool:
    conn = await asyncpg.connect(server.url)
    try:
        return bool(await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name))
    finally:
        await conn.close()


APP_ORIGIN = "https://app.example.org"


def _dev_args(ports: Ports) -> list[str]:
    return [f"--{name}-port={port}" for name, port in ports.as_dict().items()]


def _run_dev_until_ready(env: dict[str, str], ports: Ports) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(  # noqa: S603
        [PAKT, "dev", *_dev_args(ports), f"--cors-origins={APP_ORIGIN}"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("Press Ctrl-C"):
            return proc, "".join(lines)
    proc.kill()
    raise AssertionError("pakt dev did not come up:\n" + "".join(lines))


def test_dev_starts_twice_in_a_row_and_ctrl_c_or_sigterm_leave_nothing_running(fresh_databases):
    _server, env = fresh_databases
    ports = Ports.free()

    for stop_signal in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C, then a service manager
        proc, output = _run_dev_until_ready(env, ports)
        try:
            gateway = f"http://127.0.0.1:{ports.gateway}"
            assert f"Gateway:   {gateway}" in output
            assert f"Docs:      {gateway}/docs" in output
            assert "cw.goeppingen" in output
            statuses = [httpx.get(f"{gateway}/{s}/healthz").status_code for s in SERVICES]
            assert statuses == [200, 200, 200]
            preflight = httpx.options(
                f"{gateway}/cases/v1/cases",
                headers={"Origin": APP_ORIGIN, "Access-Control-Request-Method": "GET"},
            )
            assert preflight.status_code == 204
            assert preflight.headers["access-control-allow-origin"] == APP_ORIGIN
        finally:
            proc.send_signal(stop_signal)
            rest, _ = proc.communicate(timeout=60)

        assert proc.returncode == 0, rest
        assert "Stopped." in rest
        assert all(port_is_free(port) for port in ports.as_dict().values())
    shutil.rmtree(RUN_ROOT / f"dev-{ports.gateway}", ignore_errors=True)


def test_a_malformed_cors_origin_is_refused_before_anything_starts(fresh_databases):
    _server, env = fresh_databases
    ports = Ports.free()

    result = pakt("dev", *_dev_args(ports), '--cors-origins=https://ok.example,evil"; x', env=env)

    assert result.returncode == 1
    assert "not a valid CORS origin" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "PostgreSQL" not in result.stdout  # refused before any database work
    assert all(port_is_free(port) for port in ports.as_dict().values())


def test_service_and_contract_commands_are_mounted():
    result = pakt("--help", env={**clean_env(), "COLUMNS": "200"})

    assert result.returncode == 0, result.stderr
    words = (line.strip("│ ").split() for line in result.stdout.splitlines())
    commands = {first[0] for first in words if first}  # the first word of each help line
    # ours, auth's (users, keys), cases' (cases) and the contract helper's (openapi)
    assert {"dev", "db", "seed", "users", "keys", "cases", "openapi"} <= commands
    assert pakt("openapi", "--help", env=clean_env()).returncode == 0


def _walk_to_approval(client: httpx.Client) -> dict[str, Any]:
    """The README's funding walk-through up to the approval; the approved application."""
    token = {
        user: client.post(
            "/auth/v1/token",
            data={"grant_type": "password", "username": user, "password": DEMO_PASSWORD},
        ).json()["access_token"]
        for user in ("applicant.goeppingen", "reviewer.goeppingen", "approver.stuttgart")
    }

    def auth(user: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token[user]}", **extra}

    listed = client.get("/funding/v1/programmes", headers=auth("applicant.goeppingen")).json()
    programmes = listed["items"] if isinstance(listed, dict) else listed
    position = {"qualification": "mid_level", "fte": "1.00", "start_on": "2017-04-01"}
    created = client.post(
        "/funding/v1/applications",
        headers=auth("applicant.goeppingen", **{"Idempotency-Key": str(uuid.uuid4())}),
        json={
            "programme_id": programmes[0]["id"],
            "delivery_model": "own_staff",
            "positions": [{"manager_name": "Aylin Demir", "months": 21, **position}],
        },
    )
    assert created.status_code == 201, created.text
    app = created.json()
    steps = [("applicant.goeppingen", "submit"), ("reviewer.goeppingen", "forward"),
             ("approver.stuttgart", "approve")]  # fmt: skip
    for version, (user, action) in enumerate(steps, start=1):
        moved = client.post(
            f"/funding/v1/applications/{app['id']}/transitions",
            headers=auth(user, **{"If-Match": f'"{version}"'}),
            json={"action": action},
        )
        assert moved.status_code in (200, 201), moved.text
    app["token"] = token["applicant.goeppingen"]
    return dict(app)


def test_dev_on_moved_ports_files_a_proof_of_use_despite_stale_urls(fresh_databases):
    """Funding fetches a token from auth and exact key figures from cases for a proof of use:
    both URLs must follow the moved ports, also when the shell still exports URLs of another
    run (they point where nothing listens)."""
    _server, env = fresh_databases
    ports, nowhere = Ports.free(), f"http://127.0.0.1:{Ports.free().auth}"
    stale = {
        "FUNDING_AUTH_TOKEN_URL": f"{nowhere}/auth/v1/token",
        "FUNDING_CASES_URL": nowhere,
        "FUNDING_AUTH_URL": nowhere,
        "CASES_AUTH_URL": nowhere,
        "CASES_JWKS_URL": f"{nowhere}/auth/.well-known/jwks.json",
    }
    proc, _output = _run_dev_until_ready({**env, **stale}, ports)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{ports.gateway}", timeout=30) as client:
            app = _walk_to_approval(client)
            filed = client.post(
                f"/funding/v1/applications/{app['id']}/proof-of-use",
                headers={"Authorization": f"Bearer {app['token']}"},
                json={
                    "positions": [{"position_id": app["positions"][0]["id"], "months_worked": 21}],
                    "report": "Im Förderzeitraum wurden Personen beraten.",
                },
            )
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
        shutil.rmtree(RUN_ROOT / f"dev-{ports.gateway}", ignore_errors=True)

    assert filed.status_code == 201, filed.text
    assert filed.json()["key_figures"]["org"] == app["applicant_org_id"]
