"""What auth's operator commands share: their groups, options, the transaction runner."""

from __future__ import annotations

import asyncio
import getpass
import sys
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, TypeVar, get_args

import typer
from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import repository as accounts_repo
from services.auth.accounts.schemas import (
    AccountFilter,
    Role,
)
from services.auth.errors import ClientNotFound, UserNotFound
from services.auth.settings import AuthSettings
from services.common.db import script_session
from services.common.pagination import PageParams
from services.common.problem_types import texts
from services.common.retention import Removed, enforce_for

T = TypeVar("T")
commands = typer.Typer(help="Auth service commands")
users_app = typer.Typer(help="User accounts", no_args_is_help=True)
clients_app = typer.Typer(help="API clients for machines", no_args_is_help=True)
keys_app = typer.Typer(help="Token signing keys", no_args_is_help=True)
commands.add_typer(users_app, name="users")
commands.add_typer(clients_app, name="clients")
commands.add_typer(keys_app, name="keys")
ROLES = get_args(Role)


def _org(value: str | None) -> str | None:
    """`--org` is checked before anything else happens (no password prompt for a typo)."""
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise typer.BadParameter(
            f"{value!r} is not an organization id (a UUID such as "
            "312e6a4b-2565-5313-9398-3d1bdea2531d; GET /auth/v1/organizations lists them)"
        ) from exc


def _roles(values: list[str] | None) -> list[str] | None:
    unknown = sorted(set(values or []) - set(ROLES))
    if unknown:
        raise typer.BadParameter(f"unknown role(s) {', '.join(unknown)}; use {', '.join(ROLES)}")
    return values


Org = Annotated[
    str,
    typer.Option("--org", callback=_org, help="Organization id (GET /auth/v1/organizations)"),
]
OrgFilter = Annotated[
    str | None, typer.Option("--org", callback=_org, help="Only this organization's")
]
Roles = Annotated[
    list[str], typer.Option("--role", callback=_roles, help="A role; repeat for several")
]
PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin (no prompt)"
    ),
]
All = Annotated[bool, typer.Option("--all", help="Include deactivated ones")]


def actor() -> str:
    return f"cli:{getpass.getuser()}"


def password_from(from_stdin: bool) -> str:
    """The new password: stdin's first line with --password-stdin, else asked twice."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise typer.BadParameter("stdin gave no password", param_hint="--password-stdin")
        return password
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _nothing_to_prepare() -> None:
    """Without `pakt`, AUTH_DATABASE_URL is used as it is."""


# `pakt` sets this to point AUTH_DATABASE_URL at the database the way every command finds it;
# called once the arguments are checked, so a typo is reported before any database work
prepare_database: Callable[[], object] = _nothing_to_prepare


def in_transaction(work: Callable[[AsyncSession, AuthSettings], Awaitable[T]]) -> T:
    """Runs `work` in one transaction against the auth database."""
    prepare_database()
    settings = AuthSettings()

    async def main() -> T:
        url = settings.async_database_url
        async with script_session(url, app_name="pakt-auth-cli") as session:
            result = await work(session, settings)
            await session.commit()
            return result

    return asyncio.run(main())


async def retention(settings: AuthSettings | None = None, dry_run: bool = False) -> list[Removed]:
    """`pakt retention run` for auth: its audit trail, outbox and idempotency records."""
    return await enforce_for(
        settings or AuthSettings(), app_name="pakt-auth-retention", dry_run=dry_run
    )


async def user_named(session: AsyncSession, username: str) -> Row[Any]:
    row = await accounts_repo.get_user_by_username(session, username)
    if row is None:
        raise UserNotFound(
            texts(
                f"No user named {username!r}; `pakt users list --all` shows them",
                f"Kein Benutzer namens {username!r}; `pakt users list --all` zeigt alle",
            )
        )
    return row


async def client_named(session: AsyncSession, client_id: str) -> Row[Any]:
    row = await accounts_repo.get_client_by_client_id(session, client_id)
    if row is None:
        raise ClientNotFound(
            texts(
                f"No API client {client_id!r}; `pakt clients list --all` shows them",
                f"Kein API-Client {client_id!r}; `pakt clients list --all` zeigt alle",
            )
        )
    return row


def etag(row: Row[Any]) -> str:
    return f'"{row.version}"'


def all_pages(list_page: Any, organization_id: str | None, include_all: bool) -> list[Any]:
    """Every user or client `list_page` (the API's list use case) gives, page after page:
    of one organization or all, active ones only unless `include_all`."""
    filters = AccountFilter(organization_id, None if include_all else True)

    async def work(session: AsyncSession, _: AuthSettings) -> list[Any]:
        items, cursor = [], None
        while True:
            params = PageParams(limit=100, cursor=cursor)
            page = await list_page(session, actor(), filters, params)
            items += page.items
            cursor = page.next_cursor
            if cursor is None:
                return items

    return in_transaction(work)


def print_table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
