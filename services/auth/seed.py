"""`pakt seed` for auth: the directory of Baden-Württemberg, demo users and demo clients.

Idempotent: rows that exist are left alone. Demo client secrets are derived from
AUTH_DEMO_SECRET_SEED, so every run prints the same secrets (unless one was rotated since).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts_repo
from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import ClientCreate, UserCreate
from services.auth.directory import repository as orgs_repo
from services.auth.directory import service as directory
from services.auth.directory.schemas import OrganizationCreate
from services.auth.errors import InvalidHierarchy
from services.auth.keys import ensure_signing_key
from services.auth.security import Passwords, demo_secret, secret_matches
from services.auth.settings import AuthSettings
from services.common.db import script_session
from services.common.orgs import org_id_for_ags, org_id_for_slug, user_id_for_username
from services.common.policy import EXACT_FIGURES_SCOPE
from services.common.problem_types import texts
from services.common.revocation import REVOCATIONS_SCOPE

DATA_FILE = Path(__file__).parent / "data" / "bw-organizations.csv"
DEMO_PASSWORD = "pakt-demo-2026"  # noqa: S105 - the documented demo password (CONVENTIONS.md)
ACTOR = "seed"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    org: str  # "ags:<AGS>" or "org:<slug>"
    display_name: str


DEMO_USERS = (
    DemoUser("admin", "admin", "org:platform", "Plattformbetrieb"),
    DemoUser("cw.goeppingen", "case_worker", "ags:08117019", "Integrationsmanagement Göppingen"),
    DemoUser("privacy.goeppingen", "privacy_officer", "ags:08117019", "Datenschutz Göppingen"),
    DemoUser("orgadmin.goeppingen", "org_admin", "ags:08117019", "Benutzerverwaltung Göppingen"),
    DemoUser("applicant.goeppingen", "applicant", "ags:08117019", "Förderanträge Göppingen"),
    DemoUser("reviewer.goeppingen", "district_reviewer", "ags:08117", "Landratsamt Göppingen"),
    DemoUser("approver.stuttgart", "approver", "ags:081", "Regierungspräsidium Stuttgart"),
    DemoUser("analyst.ministry", "analyst", "org:ministry", "Sozialministerium Auswertung"),
    DemoUser(
        "cw.caritas", "case_worker", "org:caritas-fils-neckar-alb", "Caritas Integrationsmanagement"
    ),
    DemoUser("applicant.stuttgart", "applicant", "ags:08111000", "Förderanträge Stuttgart"),
    # the charity's grants officer: reads (read-only) the applications Caritas is commissioned under
    DemoUser(
        "applicant.caritas", "applicant", "org:caritas-fils-neckar-alb", "Caritas Förderanträge"
    ),
)
DEMO_CLIENTS: tuple[tuple[str, str, str, list[str], list[str]], ...] = (
    ("batch-rp-stuttgart", "Sammelbescheide RP Stuttgart", "ags:081", ["approver"], ["funding"]),
    (
        "kommunal-it-goeppingen",
        "Fachverfahren Stadt Göppingen",
        "ags:08117019",
        ["applicant", "case_worker"],
        ["cases", "funding"],
    ),
    # the services' own clients: no roles, they only read the revocation list
    ("pakt-cases", "Dienst cases (Sperrliste)", "org:platform", [], [REVOCATIONS_SCOPE]),
    # funding's client also reads exact key figures for proofs of use (the only holder)
    (
        "pakt-funding",
        "Dienst funding (Sperrliste, Verwendungsnachweise)",
        "org:platform",
        [],
        [REVOCATIONS_SCOPE, EXACT_FIGURES_SCOPE],
    ),
)


def org_id(ref: str) -> str:
    """The deterministic id of a seeded organization named `ags:<AGS>` or `org:<slug>`."""
    kind, _, value = ref.partition(":")
    return org_id_for_ags(value) if kind == "ags" else org_id_for_slug(value)


def _organization_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def organization_names(path: Path = DATA_FILE) -> dict[str, str]:
    """The seeded organizations' names by `ags:<AGS>` / `org:<slug>` (as `DemoUser.org`)."""
    return {
        (f"ags:{row['ags']}" if row["ags"] else f"org:{row['slug']}"): row["name"]
        for row in _organization_rows(path)
    }


async def seed_directory(session: AsyncSession, path: Path = DATA_FILE) -> tuple[int, int]:
    """Creates the organizations of the data file that are missing; (total, created)."""
    rows = _organization_rows(path)
    created = 0
    for row in rows:
        parent = (
            await orgs_repo.get_by_ags(session, row["parent_ags"]) if row["parent_ags"] else None
        )
        if row["parent_ags"] and parent is None:
            raise InvalidHierarchy(
                texts(
                    f"seed data: parent {row['parent_ags']} of {row['name']} is missing",
                    f"Seed-Daten: die übergeordnete Organisation {row['parent_ags']} von "
                    f"{row['name']} fehlt",
                )
            )
        members = [org_id_for_ags(a) for a in row["members"].split(",") if a]
        data = OrganizationCreate(
            kind=row["kind"],
            name=row["name"],
            ags=row["ags"] or None,
            parent_id=str(parent.id) if parent is not None else None,
            member_ids=members,
        )
        _, _, was_created = await directory.create_organization(
            session, ACTOR, data, slug=row["slug"] or None, key_verified=row["key_verified"] != "no"
        )
        created += was_created
    return len(rows), created


async def seed_users(session: AsyncSession, passwords: Passwords) -> int:
    created = 0
    for demo in DEMO_USERS:
        if await accounts_repo.get_user_by_username(session, demo.username) is not None:
            continue
        data = UserCreate.model_validate(
            {
                "username": demo.username,
                "display_name": demo.display_name,
                "organization_id": org_id(demo.org),
                "roles": [demo.role],
                "password": DEMO_PASSWORD,
            }
        )
        await accounts.create_user(
            session, ACTOR, data, passwords, user_id=user_id_for_username(demo.username)
        )
        created += 1
    return created


async def seed_clients(session: AsyncSession, settings: AuthSettings) -> list[str]:
    lines = []
    seed_value = settings.demo_secret_seed.get_secret_value()
    for client_id, name, org, roles, scopes in DEMO_CLIENTS:
        secret = demo_secret(seed_value, client_id)
        existing = await accounts_repo.get_client_by_client_id(session, client_id)
        if existing is None:
            data = ClientCreate.model_validate(
                {
                    "client_id": client_id,
                    "name": name,
                    "organization_id": org_id(org),
                    "roles": roles,
                    "scopes": scopes,
                }
            )
            await accounts.create_client(session, ACTOR, data, secret=secret)
        elif not secret_matches(existing.secret_hash, secret):
            secret = "(rotated since seeding; not shown)"  # noqa: S105 - a message
        grants = f"roles: {' '.join(roles)}" if roles else f"scopes: {' '.join(scopes)}"
        lines.append(f"  {client_id:24} secret: {secret}   {grants}")
    return lines


DOCS_CLIENT = "pakt-docs"
DOCS_REDIRECT = "/docs/oauth2-redirect.html"


async def seed_docs_client(session: AsyncSession, settings: AuthSettings) -> list[str]:
    """The docs page's public client (Swagger UI's Authorize: authorization code + PKCE).

    Its redirect URIs: the gateway's public base URL, and the loopback addresses without a
    port (loopback redirect URIs match on any port, RFC 8252), so `make run` and test stacks
    on free ports work too.
    """
    base = settings.public_base_url.rstrip("/")
    if await accounts_repo.get_client_by_client_id(session, DOCS_CLIENT) is None:
        loopback = ["http://127.0.0.1", "http://localhost"]
        data = ClientCreate.model_validate(
            {
                "client_id": DOCS_CLIENT,
                "name": "API-Dokumentation (Swagger UI)",
                "organization_id": org_id("org:platform"),
                "roles": [],
                "client_type": "public",
                "grant_types": ["authorization_code", "refresh_token"],
                "redirect_uris": [f"{u}{DOCS_REDIRECT}" for u in (base, *loopback)],
                "post_logout_redirect_uris": [f"{u}/docs" for u in (base, *loopback)],
            }
        )
        await accounts.create_client(session, ACTOR, data)
    return [f"  {DOCS_CLIENT:24} public client of the docs page ({base}/docs, Authorize)"]


async def seed(database_url: str, settings: AuthSettings | None = None) -> list[str]:
    """Seeds the auth database at `database_url`; returns the lines `pakt seed` prints.

    `settings` (tests) may lower the argon2 cost; the URL always wins over its database_url.
    """
    base = settings or AuthSettings()
    settings = base.model_copy(update={"database_url": database_url})
    async with script_session(settings.async_database_url, app_name="pakt-auth-seed") as session:
        await ensure_signing_key(session, settings)
        total, created = await seed_directory(session)
        users = await seed_users(session, Passwords(settings))
        client_lines = await seed_clients(session, settings)
        client_lines += await seed_docs_client(session, settings)
        await session.commit()
    return [
        f"auth: {total} organizations in the directory ({created} new), {users} new demo users",
        f"auth: demo logins (password {DEMO_PASSWORD}): "
        + ", ".join(u.username for u in DEMO_USERS),
        "auth: demo API clients (client_credentials):",
        *client_lines,
    ]
