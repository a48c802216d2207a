"""Operator commands of auth: `pakt users create`, `pakt clients create`, `pakt keys rotate`.

They use the auth database named by AUTH_DATABASE_URL, else `pakt_auth` on the server `pakt`
finds (DATABASE_URL, the local server, or the project's private cluster). Every change is
written to the audit trail with the operator (`cli:<login>`) as the actor.
"""

from __future__ import annotations

import asyncio
import getpass
import os
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import ClientCreate, UserCreate
from services.auth.keys import rotate_signing_key
from services.auth.security import Passwords
from services.auth.settings import AuthSettings
from services.cli.postgres import find_server, service_database_url
from services.common.db import make_engine
from services.common.problems import ProblemError

T = TypeVar("T")
commands = typer.Typer(help="Auth service commands")
users_app = typer.Typer(help="User accounts")
clients_app = typer.Typer(help="API clients for machines")
keys_app = typer.Typer(help="Token signing keys")
commands.add_typer(users_app, name="users")
commands.add_typer(clients_app, name="clients")
commands.add_typer(keys_app, name="keys")


def _settings() -> AuthSettings:
    settings = AuthSettings()
    if "AUTH_DATABASE_URL" in os.environ:
        return settings
    url = service_database_url(find_server(), "auth")
    return AuthSettings(database_url=url)


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _run(work: Callable[[AsyncSession, AuthSettings], Awaitable[T]]) -> T:
    """Runs `work` in one transaction against the auth database; problems exit with code 1."""
    settings = _settings()

    async def main() -> T:
        engine = make_engine(settings.async_database_url, app_name="pakt-auth-cli", pool_size=1)
        maker = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
        try:
            async with maker() as session:
                result = await work(session, settings)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    try:
        return asyncio.run(main())
    except ProblemError as exc:
        typer.echo(f"error: {exc.title}: {exc.detail or ''}", err=True)
        raise typer.Exit(1) from exc


@users_app.command("create")
def create_user(
    username: Annotated[str, typer.Argument(help="Lower case login name")],
    organization_id: Annotated[
        str, typer.Option("--org", help="Organization id (see GET /auth/v1/organizations)")
    ],
    roles: Annotated[list[str], typer.Option("--role", help="A role; repeat for several")],
    display_name: Annotated[str | None, typer.Option(help="Display name")] = None,
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, help="At least 12 characters"
        ),
    ] = "",
) -> None:
    """Create a user (prompts for the password)."""
    data = UserCreate.model_validate(
        {
            "username": username,
            "display_name": display_name,
            "organization_id": organization_id,
            "roles": roles,
            "password": password,
        }
    )

    async def work(session: AsyncSession, settings: AuthSettings) -> str:
        row = await accounts.create_user(session, _actor(), data, Passwords(settings))
        return str(row.id)

    typer.echo(f"created user {username} with id {_run(work)}")


@clients_app.command("create")
def create_client(
    client_id: Annotated[str, typer.Argument(help="Client id, e.g. kommunal-it-goeppingen")],
    organization_id: Annotated[
        str, typer.Option("--org", help="Organization id the client acts for")
    ],
    roles: Annotated[list[str], typer.Option("--role", help="A role; repeat for several")],
    name: Annotated[str | None, typer.Option(help="Display name")] = None,
    scopes: Annotated[
        list[str] | None, typer.Option("--scope", help="A scope; repeat for several")
    ] = None,
) -> None:
    """Create an API client and print its secret (shown only now)."""
    data = ClientCreate.model_validate(
        {
            "client_id": client_id,
            "name": name or client_id,
            "organization_id": organization_id,
            "roles": roles,
            "scopes": scopes or [],
        }
    )

    async def work(session: AsyncSession, _: AuthSettings) -> str:
        _row, secret = await accounts.create_client(session, _actor(), data)
        return secret

    secret = _run(work)
    typer.echo(f"created client {client_id}\nclient_secret: {secret}")
    typer.echo("(store it now: it is not shown again)")


@keys_app.command("rotate")
def rotate_keys() -> None:
    """Publish a new signing key; it signs after AUTH_KEY_PUBLISH_AHEAD_SECONDS."""

    async def work(session: AsyncSession, settings: AuthSettings) -> tuple[str, datetime]:
        return await rotate_signing_key(session, settings, _actor())

    kid, activates_at = _run(work)
    typer.echo(f"new signing key {kid} is published and signs from {activates_at.isoformat()}")
    typer.echo("the previous key stays published until the tokens it signed have expired")
