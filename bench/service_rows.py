"""Rows of the real services, started as their own uvicorn processes on throwaway databases.

Data are seeded through the services' own API (the contract, not their tables), once, before
the load starts. Tokens are real RS256 tokens from tests.support.tokens, verified against a JWKS
the bench serves itself (no auth service needed for cases).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlencode

import httpx

from bench.base_rows import BARE, BARE_GET, BARE_INSERT
from bench.gateway import start_gateway
from bench.load import Request
from bench.procs import Proc, wait_ready
from bench.rows import Row
from bench.stack import Stack
from services.common.orgs import org_id_for_ags, org_id_for_slug

GOAL_GET = 0.5
GOAL_CREATE = 0.5
CASES_GET = "cases: GET one case"
CASES_CREATE = "cases: POST create case"
CASES_CREATE_SPREAD = "cases: POST create, many orgs"
ORGS = 32
HEALTH_DIRECT = "cases /healthz direct"
HEALTH_NGINX = "cases /healthz via nginx"
AUTH_CLIENT = "auth: token, client_credentials"
AUTH_PASSWORD = "auth: token, password (argon2)"  # noqa: S105 (a row name)

CASES = ("cases",)
GOEPPINGEN = "08117019"
GOEPPINGEN_PATH = ["08", "081", "08117", GOEPPINGEN]
JSON = {"Content-Type": "application/json"}


def _case_worker_token(stack: Stack) -> str:
    return stack.token(
        roles=["case_worker"],
        org=org_id_for_ags(GOEPPINGEN),
        org_kind="municipality",
        org_path=GOEPPINGEN_PATH,
        sub="bench-case-worker",
        name="Bench Case Worker",
        expires_in=3600,
    )


def _org_tokens(stack: Stack, count: int) -> list[str]:
    """Case-worker tokens of `count` distinct organizations (all in Göppingen's district)."""
    return [
        stack.token(
            roles=["case_worker"],
            org=org_id_for_slug(f"bench-org-{n}"),
            org_kind="charity",
            org_path=GOEPPINGEN_PATH[:3],
            sub=f"bench-worker-{n}",
            expires_in=3600,
        )
        for n in range(count)
    ]


def _seed_case(base_url: str, auth: dict[str, str]) -> str:
    """One case with consent and person data (so every GET writes an access-log row)."""
    with httpx.Client(base_url=base_url, headers=auth, timeout=30) as client:

        def ok(response: httpx.Response, status: int) -> dict[str, Any]:
            if response.status_code != status:
                raise RuntimeError(
                    f"seeding: {response.request.method} {response.request.url.path} answered"
                    f" {response.status_code}: {response.text[:300]}"
                )
            return dict(response.json())

        case = ok(
            client.post(
                "/cases/v1/cases",
                json={"pseudonym": "Bench-Falke", "municipality_ags": GOEPPINGEN},
            ),
            201,
        )
        url = f"/cases/v1/cases/{case['id']}"
        consent = {"given_on": "2026-03-02", "scope": ["personal_data", "plan"], "means": "written"}
        case = ok(
            client.put(
                f"{url}/consent", json=consent, headers={"If-Match": f'"{case["version"]}"'}
            ),
            200,
        )
        person = {
            "name": "Amina Yusuf",
            "birth_year": 1991,
            "country_of_origin": "SY",
            "languages": ["ar", "de"],
            "household_size": 4,
            "qualifications": "pharmacist",
        }
        case = ok(
            client.put(f"{url}/person", json=person, headers={"If-Match": f'"{case["version"]}"'}),
            200,
        )
        if not case.get("person"):
            raise RuntimeError("seeding: the case has no person data after PUT /person")
        return str(case["id"])


def cases_process(stack: Stack) -> Proc:
    """The cases service on a migrated throwaway database (started once per run)."""
    if "cases" not in stack.procs:
        db = stack.dbs.create("cases", migrate_service="cases")
        env = stack.service_env("cases", db)
        stack.uvicorn("cases", "services.cases.app:create_app", env, "/cases/healthz")
    return stack.procs["cases"]


def gateway_rows(stack: Stack) -> list[Row]:
    """The cheapest real endpoint, direct and through the nginx gateway."""
    proc = cases_process(stack)
    rows = [
        Row(HEALTH_DIRECT, Request(f"{proc.base_url}/cases/healthz"), baseline=BARE, server=CASES)
    ]
    try:
        gateway, which = start_gateway(stack.log_dir, {"cases": proc.port})
        stack.add(gateway)
        wait_ready(gateway, "/cases/healthz")
    except (OSError, RuntimeError) as exc:  # no nginx here: keep the direct row
        print(f"  nginx not measured: {exc}")
        return rows
    rows.append(
        Row(
            HEALTH_NGINX,
            Request(f"{gateway.base_url}/cases/healthz"),
            baseline=HEALTH_DIRECT,
            note=f"nginx, {which}",
            server=("nginx", "cases"),
        )
    )
    return rows


def cases_rows(stack: Stack) -> list[Row]:
    proc = cases_process(stack)
    rows: list[Row] = []
    auth = {"Authorization": f"Bearer {_case_worker_token(stack)}"}
    case_id = _seed_case(proc.base_url, auth)
    create_body = json.dumps({"pseudonym": "Bench-{{n}}", "municipality_ags": GOEPPINGEN})
    rows += [
        Row(
            CASES_GET,
            Request(f"{proc.base_url}/cases/v1/cases/{case_id}", headers=auth),
            baseline=BARE_GET,
            goal=GOAL_GET,
            note="RS256 token, owner check, person data, access-log row per read",
            server=CASES,
            databases=("cases",),
        ),
        Row(
            CASES_CREATE,
            Request(f"{proc.base_url}/cases/v1/cases", "POST", {**auth, **JSON}, create_body),
            expect=201,
            baseline=BARE_INSERT,
            goal=GOAL_CREATE,
            note="one organization: every create takes the same reference counter row",
            server=CASES,
            databases=("cases",),
        ),
        Row(
            CASES_CREATE_SPREAD,
            Request(
                f"{proc.base_url}/cases/v1/cases",
                "POST",
                JSON,
                create_body,
                rotate=[{"Authorization": f"Bearer {t}"} for t in _org_tokens(stack, ORGS)],
            ),
            expect=201,
            baseline=BARE_INSERT,
            note=f"{ORGS} organizations in turn: the same work without the counter-row queue",
            server=CASES,
            databases=("cases",),
        ),
    ]
    return rows


def auth_process(stack: Stack) -> Proc:
    """The auth service on a migrated, seeded throwaway database (demo users and clients)."""
    if "auth" not in stack.procs:
        from services.auth.seed import seed

        db = stack.dbs.create("auth", migrate_service="auth")
        asyncio.run(seed(db))
        env = stack.service_env("auth", db)
        stack.uvicorn("auth", "services.auth.app:create_app", env, "/auth/healthz")
    return stack.procs["auth"]


def auth_rows(stack: Stack) -> list[Row]:
    """The token endpoint: client credentials (SHA-256 secret check, RS256 signing) and a
    password login (argon2id verification in a thread: expensive on purpose)."""
    from services.auth.security import demo_secret
    from services.auth.settings import AuthSettings

    proc = auth_process(stack)
    client_id = "kommunal-it-goeppingen"
    secret = demo_secret(AuthSettings().demo_secret_seed.get_secret_value(), client_id)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    url = f"{proc.base_url}/auth/v1/token"
    client_body = urlencode(
        {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    )
    password_body = urlencode(
        {"grant_type": "password", "username": "cw.goeppingen", "password": "pakt-demo-2026"}
    )
    return [
        Row(
            AUTH_CLIENT,
            Request(url, "POST", form, client_body),
            baseline=BARE_GET,
            note="org lookup + RS256 signing; no goal in DESIGN.md",
            server=("auth",),
            databases=("auth",),
        ),
        Row(
            AUTH_PASSWORD,
            Request(url, "POST", form, password_body),
            baseline=BARE_GET,
            note="argon2id (time 3, 64 MiB) per login by design; 4 connections; no goal",
            connections=4,
            server=("auth",),
            databases=("auth",),
        ),
    ]
