"""Every expected failure of `pakt` is one line on stderr saying what is wrong and how to fix
it, with exit code 1: the CLI runs as a subprocess, as an operator runs it."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from services.cli.postgres import find_server
from services.cli.stack import Ports
from tests.e2e.pakt_process import one_error_line, run
from tests.support.apps import unmigrated_database
from tests.support.stack import clean_env

pytestmark = pytest.mark.e2e


def pakt(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(*args, env={**clean_env(), **env}, timeout=60)


def _unused_port() -> int:
    return Ports.free().auth


def _missing_database_url() -> str:
    return find_server().database_url(f"pakt_missing_{uuid.uuid4().hex[:8]}")


@pytest.mark.parametrize(
    "command",
    [["users", "list"], ["keys", "list"], ["cases", "anonymize"], ["retention", "run"]],
)
def test_a_malformed_database_url(command):
    line = one_error_line(pakt(*command, env={"DATABASE_URL": "localhost:5432/pakt"}))

    assert "DATABASE_URL must start with postgresql://" in line
    assert "write postgresql://user[:password]@host:5432/name" in line


@pytest.mark.parametrize(
    "command", [["users", "list"], ["cases", "anonymize", "--dry-run"], ["retention", "run"]]
)
def test_an_unreachable_server(command):
    port = _unused_port()
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    line = one_error_line(pakt(*command, env={"DATABASE_URL": url}))

    assert f"127.0.0.1:{port} (from DATABASE_URL)" in line
    assert "start PostgreSQL there, or correct" in line


def test_an_unreachable_server_while_migrating():
    url = f"postgresql://postgres@127.0.0.1:{_unused_port()}/postgres"

    line = one_error_line(pakt("db", "migrate", env={"DATABASE_URL": url}))

    assert "cannot reach PostgreSQL" in line
    assert "DATABASE_URL" in line


@pytest.mark.parametrize(
    ("command", "variable"),
    [
        (["users", "list"], "AUTH_DATABASE_URL"),
        (["clients", "list"], "AUTH_DATABASE_URL"),
        (["cases", "anonymize"], "CASES_DATABASE_URL"),
        (["retention", "run", "--service", "funding"], "FUNDING_DATABASE_URL"),
    ],
)
def test_a_missing_database(command, variable):
    url = _missing_database_url()

    line = one_error_line(pakt(*command, env={variable: url}))

    assert f"{url.rsplit('/', 1)[1]} on " in line
    assert "does not exist" in line
    assert "run `pakt db migrate`" in line
    assert f"correct {variable}" in line


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A database that exists but was never migrated."""
    with unmigrated_database("pakt_empty") as url:
        yield url


@pytest.mark.parametrize("command", [["users", "list"], ["keys", "rotate"], ["seed"]])
def test_a_database_not_migrated(command, empty_database):
    line = one_error_line(pakt(*command, env={"AUTH_DATABASE_URL": empty_database}))

    assert "the database is not migrated" in line
    assert "run `pakt db migrate`" in line


def test_a_login_the_server_refuses():
    server = urlsplit(find_server().database_url("postgres"))
    url = f"postgresql://no_such_role@{server.hostname}:{server.port or 5432}/postgres"

    line = one_error_line(pakt("users", "list", env={"AUTH_DATABASE_URL": url}))

    assert 'refused the login (role "no_such_role" does not exist' in line
    assert "correct the user and password in AUTH_DATABASE_URL" in line


def test_seed_on_a_missing_database():
    line = one_error_line(pakt("seed", env={"AUTH_DATABASE_URL": _missing_database_url()}))

    assert "does not exist: run `pakt db migrate`" in line


def test_db_status_names_what_is_missing_and_exits_1():
    env = {f"{s}_DATABASE_URL": _missing_database_url() for s in ("AUTH", "CASES", "FUNDING")}

    result = pakt("db", "status", env=env)

    assert result.returncode == 1
    assert result.stdout.count("missing: run `pakt db migrate`") == 3
    assert result.stderr == ""


def test_a_malformed_org_is_refused_before_any_prompt_or_database():
    env = {"DATABASE_URL": f"postgresql://postgres@127.0.0.1:{_unused_port()}/postgres"}

    line = one_error_line(
        pakt("users", "create", "bob", "--org", "goeppingen", "--role", "x", env=env)
    )

    assert "Invalid value for '--org': 'goeppingen' is not an organization id" in line
    assert "pakt users create --help" in line


def test_an_empty_password_on_stdin():
    org = "312e6a4b-2565-5313-9398-3d1bdea2531d"
    args = ["users", "create", "bob", "--org", org, "--role", "applicant", "--password-stdin"]

    line = one_error_line(pakt(*args, env={}))

    assert "stdin gave no password" in line


def test_a_missing_import_file():
    line = one_error_line(pakt("auth", "import-organizations", "/nonexistent/orgs.csv", env={}))

    assert "'/nonexistent/orgs.csv' does not exist" in line
