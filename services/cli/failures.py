"""One line on stderr and exit code 1 for every failure an operator can fix.

`OperatorApp` is the `pakt` command's Typer: it runs click in non-standalone mode so that usage
errors, problems of the services, unreachable or missing databases and bad settings reach one
place, `explain`, which turns each into `error: <what went wrong>: <how to fix it>`. Anything
it does not recognise is a bug and keeps its traceback (without local variables: they held
hundreds of lines of settings and engine internals).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import asyncpg
import sqlalchemy.exc
import typer
from pydantic import ValidationError
from typer._click import exceptions as click  # typer carries its own click (0.29+)

from services.common.problems import ProblemError

MIGRATE_HINT = "run `pakt db migrate` (it creates and migrates every service's database)"
URL_HINT = "set DATABASE_URL (or <SVC>_DATABASE_URL) to a server you can reach"


class OperatorError(Exception):
    """A failure the operator can fix; the message says what and how, in one line."""


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, then everything it wraps, breadth first: SQLAlchemy's `.orig`, `__cause__`,
    `__context__` (a driver error sits behind one or two of these)."""
    seen: set[int] = set()
    queue: list[BaseException] = [exc]
    while queue:
        current = queue.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        wrapped = (orig, current.__cause__, current.__context__)
        queue.extend(e for e in wrapped if isinstance(e, BaseException))


def validation_line(exc: ValidationError) -> str:
    """A pydantic error as `field: message; field: message` (no URLs, no input dumps)."""
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "value"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def _postgres_line(exc: BaseException) -> str | None:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return f"{message}: {MIGRATE_HINT}, or correct the database URL"
    if isinstance(exc, asyncpg.UndefinedTableError):
        return f"the database is not migrated ({message}): {MIGRATE_HINT}"
    if isinstance(
        exc, asyncpg.InvalidAuthorizationSpecificationError | asyncpg.InvalidPasswordError
    ):
        return f"PostgreSQL refused the login ({message}): correct user and password in the URL"
    if isinstance(exc, asyncpg.CannotConnectNowError | asyncpg.TooManyConnectionsError):
        return f"PostgreSQL does not accept connections now ({message}): try again shortly"
    if isinstance(exc, OSError | asyncpg.ConnectionDoesNotExistError):
        return f"cannot reach PostgreSQL ({message}): start it, or {URL_HINT}"
    if isinstance(exc, sqlalchemy.exc.ArgumentError):
        return f"not a database URL ({message}): write postgresql://user@host:5432/name"
    return None


def explain(exc: BaseException) -> str | None:
    """The one line for an expected failure, or None for a bug (which keeps its traceback)."""
    for cause in _causes(exc):
        if isinstance(cause, OperatorError):
            return str(cause)
        if isinstance(cause, ProblemError):
            return f"{cause.title}: {cause.detail}" if cause.detail else cause.title
        if isinstance(cause, ValidationError):
            return f"invalid input: {validation_line(cause)}"
        line = _postgres_line(cause)
        if line is not None:
            return line
    return None


def _line_errors(exc: BaseException) -> list[str]:
    """The refused lines an import problem lists (`line_errors`, or `row_errors` of older
    imports), one per line: printed on stdout before the one error line."""
    for cause in _causes(exc):
        if isinstance(cause, ProblemError):
            errors = cause.extensions.get("line_errors") or cause.extensions.get("row_errors")
            return [_line_error(e) for e in errors or [] if isinstance(e, dict)]
    return []


def _line_error(error: dict[str, Any]) -> str:
    line = error.get("line", error.get("row", "?"))
    field = f": {error['field']}" if error.get("field") else ""
    return f"line {line}{field}: {error.get('message', '')}"


def _usage_line(exc: click.UsageError) -> str:
    command = exc.ctx.command_path if exc.ctx is not None else "pakt"
    message = " ".join(exc.format_message().split())
    return f"{message} (see `{command} --help`)"


class OperatorApp(typer.Typer):
    """A Typer whose failures are one line on stderr with exit code 1."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().__call__(*args, **kwargs)
        except click.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            fail(_usage_line(exc))
        except click.ClickException as exc:
            fail(" ".join(exc.format_message().split()))
        except typer.Abort:
            fail("aborted")
        except Exception as exc:
            line = explain(exc)
            if line is None:
                raise
            for refused in _line_errors(exc):
                typer.echo(refused)
            fail(line)
        sys.exit(result if isinstance(result, int) else 0)


def fail(line: str) -> None:
    """Prints `error: <line>` on stderr (as one line, whatever a message held) and exits 1."""
    typer.echo(f"error: {' '.join(line.split())}", err=True)
    sys.exit(1)
