"""The operator commands against real databases (migrated and seeded as `pakt dev` does), run
as subprocesses the way an operator types them: users, clients, keys, imports from files,
`db status`, `config check`, dry runs of retention and anonymization."""

from __future__ import annotations

import asyncio
import subprocess
import uuid
from collections.abc import Iterator

import asyncpg
import pytest

from services.cli import database
from services.cli.postgres import SERVICES, drop_database, find_server
from services.cli.stack import Ports
from services.common.orgs import user_id_for_username
from tests.e2e.pakt_process import one_error_line, run
from tests.support.stack import clean_env

pytestmark = pytest.mark.e2e

GOEPPINGEN = "312e6a4b-2565-5313-9398-3d1bdea2531d"
PASSWORD = "Lindenallee-17-Fils"
CLOSE_ONE_CASE_IN_2019 = (
    "UPDATE client_case SET status = 'closed', closed_on = DATE '2019-01-31', "
    "closing_reason = 'moved' WHERE id = (SELECT id FROM client_case WHERE erased_at IS NULL "
    "LIMIT 1)"
)
LOCK_APPLICANT = (
    "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) "
    "VALUES ('account:applicant.goeppingen', 9, now(), now() + interval '1 hour')"
)
ORGANIZATIONS_CSV = (
    "ags;name;kind;parent_ags\n"
    "08117099;Neudorf/Fils;municipality;08117\n"
    "0811;Bad;municipality;08117\n"
)
CASE_LINE = (
    '{"external_id": "KM-CLI-1", "pseudonym": "GP-Reiher", "municipality_ags": "08117019", '
    '"opened_on": "2025-05-12"}\n'
)
FRAMES_CSV = (
    "ags;name;amount;status;reference_date\n08117019;Göppingen;271.248,00;final;15.09.2017\n"
)


@pytest.fixture(scope="module")
def env() -> Iterator[dict[str, str]]:
    """Fresh, seeded databases named by `<SVC>_DATABASE_URL`; dropped afterwards."""
    server = find_server()
    suffix = uuid.uuid4().hex[:8]
    urls = {s: server.database_url(f"pakt_cliop_{s}_{suffix}") for s in SERVICES}
    list(database.migrate(urls))  # each yields a line per step; only the effect counts here
    list(database.seed(urls))
    # DATABASE_URL points nowhere: every command must use the service's own variable
    nowhere = f"postgresql://postgres@127.0.0.1:{Ports.free().auth}/postgres"
    yield {
        **clean_env(),
        "DATABASE_URL": nowhere,
        **{f"{s.upper()}_DATABASE_URL": url for s, url in urls.items()},
    }
    for url in urls.values():
        drop_database(server, url.rsplit("/", 1)[1])


def pakt(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run(*args, env=env, stdin=stdin)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # no progress bar, no blank line without a terminal
    return result.stdout


def failed(result: subprocess.CompletedProcess[str]) -> str:
    return one_error_line(result)


def fetch(env: dict[str, str], service: str, sql: str) -> list[asyncpg.Record]:
    async def query() -> list[asyncpg.Record]:
        conn = await asyncpg.connect(env[f"{service.upper()}_DATABASE_URL"])
        try:
            return list(await conn.fetch(sql))
        finally:
            await conn.close()

    return asyncio.run(query())


def test_users_lifecycle(env):
    listed = ok(pakt(env, "users", "list"))
    assert listed.splitlines()[0].split() == ["USERNAME", "ID", "ORGANIZATION", "ROLES", "STATE"]
    assert "cw.goeppingen" in listed

    new = ["cw7.goeppingen", "--org", GOEPPINGEN, "--role", "case_worker", "--password-stdin"]
    created = ok(pakt(env, "users", "create", *new, stdin=PASSWORD + "\n"))
    assert "created user cw7.goeppingen" in created

    deactivated = ok(pakt(env, "users", "deactivate", "cw7.goeppingen"))
    assert "deactivated user cw7.goeppingen" in deactivated
    assert "cw7.goeppingen" not in ok(pakt(env, "users", "list"))
    every = ok(pakt(env, "users", "list", "--all", "--org", GOEPPINGEN))
    row = next(line for line in every.splitlines() if line.startswith("cw7.goeppingen "))
    assert row.split()[-1] == "deactivated"
    assert "admin" not in every.split()  # the admin belongs to another organization

    reset = ["cw.goeppingen", "--password-stdin"]
    done = ok(pakt(env, "users", "reset-password", *reset, stdin="Neues-Passwort-2026\n"))
    assert "new password set for cw.goeppingen" in done
    audit = fetch(env, "auth", "SELECT action, actor FROM audit_entry ORDER BY at DESC LIMIT 3")
    assert audit[0]["action"] == "user.updated"
    assert audit[0]["actor"].startswith("cli:")


def test_unlock_clears_a_lockout(env):
    fetch(env, "auth", LOCK_APPLICANT)

    unlocked = ok(pakt(env, "users", "unlock", "applicant.goeppingen"))

    assert "unlocked applicant.goeppingen" in unlocked
    rows = fetch(env, "auth", "SELECT 1 FROM login_throttle WHERE key LIKE 'account:applicant.%'")
    assert rows == []


def test_an_unknown_user_or_client_is_one_line(env):
    unknown_user = failed(pakt(env, "users", "deactivate", "nobody"))
    unknown_client = failed(pakt(env, "clients", "rotate-secret", "nobody"))

    assert "No user named 'nobody'; `pakt users list --all` shows them" in unknown_user
    assert "No API client 'nobody'" in unknown_client


def test_clients_list_rotate_and_disable(env):
    assert "kommunal-it-goeppingen" in ok(pakt(env, "clients", "list"))

    rotated = ok(pakt(env, "clients", "rotate-secret", "kommunal-it-goeppingen"))
    assert rotated.startswith("client_secret: ")
    assert len(rotated.split()[1]) >= 32

    disabled = ok(pakt(env, "clients", "disable", "kommunal-it-goeppingen"))
    assert "disabled client kommunal-it-goeppingen" in disabled
    assert "kommunal-it-goeppingen" not in ok(pakt(env, "clients", "list"))
    revoked = fetch(env, "auth", "SELECT 1 FROM token_revocation WHERE kind = 'client'")
    assert revoked  # its tokens stop working in every service


def test_keys_list_shows_the_signing_key_and_a_rotated_one(env):
    before = ok(pakt(env, "keys", "list")).splitlines()
    ok(pakt(env, "keys", "rotate"))
    after = ok(pakt(env, "keys", "list")).splitlines()

    assert before[0].split() == ["KID", "SIGNS_FROM", "RETIRED_AT", "STATE"]
    assert len(after) == len(before) + 1
    assert after[1].endswith("published, signs later") or after[1].endswith("signing")


def test_db_status_and_config_check(env):
    status = ok(pakt(env, "db", "status"))
    assert status.count(": at head ") == 3
    assert "(AUTH_DATABASE_URL)" in status

    checked = ok(pakt(env, "config", "check")).splitlines()
    assert checked == ["auth: ok", "cases: ok", "funding: ok"]
    production = {**env, "FUNDING_ENVIRONMENT": "production", "CASES_JWKS_URL": "jwks.json"}
    problems = pakt(production, "config", "check")
    assert problems.returncode == 1
    assert "CASES_JWKS_URL: 'jwks.json' is not an http(s) URL" in problems.stdout
    assert "FUNDING_CLIENT_SECRET: empty" in problems.stdout


def test_dry_runs_change_nothing(env):
    fetch(env, "cases", CLOSE_ONE_CASE_IN_2019)

    assert "would anonymize 1 case(s)" in ok(pakt(env, "cases", "anonymize", "--dry-run"))
    retention = ok(pakt(env, "retention", "run", "--dry-run", "--service", "cases"))
    assert "client_case            due 1" in retention
    assert "dry run: nothing removed" in retention
    assert fetch(env, "cases", "SELECT 1 FROM client_case WHERE erased_at IS NOT NULL") == []

    assert "anonymized 1 case(s)" in ok(pakt(env, "cases", "anonymize"))
    assert len(fetch(env, "cases", "SELECT 1 FROM client_case WHERE erased_at IS NOT NULL")) == 1


def test_organizations_import_all_or_nothing_then_valid_rows(env, tmp_path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(ORGANIZATIONS_CSV)

    refused = pakt(env, "auth", "import-organizations", str(orgs))
    taken = ok(pakt(env, "auth", "import-organizations", str(orgs), "--mode", "valid-rows"))

    assert "line 3: ags:" in refused.stdout
    assert "nothing was imported" in failed(refused)
    assert "created 1" in taken
    assert "failed 1" in taken


def test_cases_import_creates_then_leaves_unchanged(env, tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(CASE_LINE)

    worker = user_id_for_username("cw.goeppingen")
    args = ["--ags", "08117019", "--worker", worker]
    first = ok(pakt(env, "cases", "import", str(cases), *args))
    again = ok(pakt(env, "cases", "import", str(cases), *args))

    assert "created 1" in first
    assert "unchanged 1" in again
    rows = fetch(
        env, "cases", "SELECT assigned_worker FROM client_case WHERE external_id = 'KM-CLI-1'"
    )
    assert [r["assigned_worker"] for r in rows] == [worker]


def test_frames_import_takes_a_german_spreadsheet_file(env, tmp_path):
    programme = str(fetch(env, "funding", "SELECT id FROM programme LIMIT 1")[0]["id"])
    frames = tmp_path / "frames.csv"
    frames.write_bytes(FRAMES_CSV.encode("cp1252"))  # as a German spreadsheet program saves it

    imported = ok(pakt(env, "funding", "import-frames", str(frames), "--programme", programme))
    elsewhere = ["--programme", str(uuid.uuid4())]
    unknown = failed(pakt(env, "funding", "import-frames", str(frames), *elsewhere))

    assert imported.startswith("imported frames.csv: ")
    assert "failed 0" in imported
    assert "Programme not found" in unknown
