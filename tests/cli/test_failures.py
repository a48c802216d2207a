"""The one-line failures of `pakt`: what `explain` says for each expected failure, URLs
checked before use, and usage errors as one line with exit code 1 (in process, no database)."""

from __future__ import annotations

import asyncpg
import pytest
import sqlalchemy.exc
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from services.auth.errors import UserNotFound
from services.cli.failures import OperatorError, explain
from services.cli.main import app
from services.cli.postgres import check_url


class _Shape(BaseModel):
    organization_id: int


def _validation_error() -> ValidationError:
    try:
        _Shape.model_validate({"organization_id": "x"})
    except ValidationError as exc:
        return exc
    raise AssertionError("expected a validation error")


def _wrapped(orig: BaseException) -> sqlalchemy.exc.DBAPIError:
    """As SQLAlchemy raises a driver error: the driver's exception in `.orig`."""
    return sqlalchemy.exc.DBAPIError("SELECT 1", None, orig)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OperatorError("DATABASE_URL names no host: write ..."), "DATABASE_URL names no host"),
        (UserNotFound("No user named 'x'"), "User not found: No user named 'x'"),
        (_wrapped(asyncpg.InvalidCatalogNameError('database "x" does not exist')), "db migrate"),
        (_wrapped(asyncpg.UndefinedTableError('relation "account" does not exist')), "migrate"),
        (_wrapped(asyncpg.InvalidPasswordError("password failed")), "refused the login"),
        (ConnectionRefusedError(111, "Connect call failed"), "cannot reach PostgreSQL"),
        (_validation_error(), "invalid input: organization_id:"),
    ],
)
def test_expected_failures_are_one_line_with_a_hint(exc, expected):
    line = explain(exc)

    assert line is not None
    assert expected in line
    assert "\n" not in line


def test_a_bug_is_not_explained_away():
    assert explain(KeyError("boom")) is None
    assert explain(RuntimeError("boom")) is None


def test_a_driver_error_behind_sqlalchemys_adapter_is_found():
    """As SQLAlchemy raises it: its exception holds the adapter's in `.orig` and as
    `__cause__`; the adapter's `__cause__` is asyncpg's."""
    driver = asyncpg.UndefinedTableError('relation "signing_key" does not exist')
    adapter = RuntimeError("adapter")
    adapter.__cause__ = driver
    outer = _wrapped(adapter)
    outer.__cause__ = adapter

    line = explain(outer)

    assert line is not None
    assert line.startswith('the database is not migrated (relation "signing_key"')


def test_a_cause_deep_in_the_chain_is_found():
    try:
        try:
            raise asyncpg.InvalidCatalogNameError('database "pakt_auth" does not exist')
        except asyncpg.PostgresError as inner:
            raise RuntimeError("while connecting") from inner
    except RuntimeError as outer:
        line = explain(outer)

    assert line is not None
    assert line.startswith('database "pakt_auth" does not exist')


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("nonsense", "must start with postgresql://"),
        ("mysql://root@db/pakt", "must start with postgresql://"),
        ("postgresql://postgres@127.0.0.1:54x2/pakt", "is not a URL"),
        ("postgresql:///pakt", "names no host"),
        ("postgresql://postgres@127.0.0.1:5432", "names no database name"),
    ],
)
def test_bad_database_urls_are_refused_naming_the_variable(url, fragment):
    with pytest.raises(OperatorError) as caught:
        check_url(url, "AUTH_DATABASE_URL")

    assert str(caught.value).startswith("AUTH_DATABASE_URL")
    assert fragment in str(caught.value)
    assert "postgresql://user" in str(caught.value)  # how to write it


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://postgres@127.0.0.1:5432/pakt_auth",
        "postgresql+asyncpg://u:p@db.example:6432/pakt_cases",
        "postgres://u@db/pakt",
        "postgresql:///pakt?host=/run/postgresql",
    ],
)
def test_good_database_urls_pass_unchanged(url):
    assert check_url(url, "DATABASE_URL") == url


def _checked(text: str) -> str:
    """What `check_url` does with `text`: the URL back, or its one-line refusal."""
    try:
        return check_url(text, "DATABASE_URL")
    except OperatorError as exc:
        return f"refused: {exc}"


@given(st.text(max_size=80))
def test_any_text_as_a_database_url_is_accepted_or_one_line_refused(text):
    outcome = _checked(text)

    assert outcome == text or outcome.startswith("refused: DATABASE_URL ")
    assert outcome == text or "\n" not in outcome.removeprefix("refused: ").strip()


def _pakt(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        app([*args], prog_name="pakt")
    out = capsys.readouterr()
    return int(exited.value.code or 0), out.out, out.err


def test_an_unknown_command_is_one_line_naming_help(capsys):
    code, out, err = _pakt(capsys, "nosuch")

    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("error: No such command 'nosuch'")
    assert "pakt --help" in err


def test_a_malformed_org_is_refused_before_the_password_is_asked(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", None)  # a prompt would fail loudly, not wait
    code, out, err = _pakt(capsys, "users", "create", "bob", "--org", "42", "--role", "applicant")

    assert code == 1
    assert "Password" not in out
    assert err.count("\n") == 1
    assert "'42' is not an organization id (a UUID" in err
    assert "validation error" not in err  # no pydantic internals


def test_an_unknown_role_is_named_with_the_roles_there_are(capsys):
    org = "312e6a4b-2565-5313-9398-3d1bdea2531d"
    code, _out, err = _pakt(capsys, "users", "create", "bob", "--org", org, "--role", "boss")

    assert code == 1
    assert "unknown role(s) boss; use case_worker, applicant" in err


def test_version_is_printed(capsys):
    code, out, _err = _pakt(capsys, "--version")

    assert code == 0
    assert out.startswith("pakt ")
