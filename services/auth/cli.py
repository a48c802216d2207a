"""Operator commands of auth: `pakt users create`, `pakt clients create`, `pakt keys rotate`.

They use the auth database its settings name (AUTH_DATABASE_URL). `pakt` sets that, unless the
operator did, to `pakt_auth` on the server it finds (DATABASE_URL, the local server, or the
project's private cluster). Every change is written to the audit trail with the operator
(`cli:<login>`) as the actor.
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import ClientCreate, UserCreate
from services.auth.keys import rotate_signing_key
from services.auth.security import Passwords
from services.auth.settings import AuthSettings
from services.common.db import script_session
from services.common.problems import ProblemError
from services.common.retention import Removed, enforce_for

T = TypeVar("T")
commands = typer.Typer(help="Auth service commands")
users_app = typer.Typer(help="User accounts")
clients_app = typer.Typer(help="API clients for machines")
keys_app = typer.Typer(help="Token signing keys")
commands.add_typer(users_app, name="users")
commands.add_typer(clients_app, name="clients")
commands.add_typer(keys_app, name="keys")
Org = Annotated[str, typer.Option("--org", help="Organization id (GET /auth/v1/organizations)")]
Roles = Annotated[list[str], typer.Option("--role", help="A role; repeat for several")]


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


def _run(work: Callable[[AsyncSession, AuthSettings], Awaitable[T]]) -> T:
    """Runs `work` in one transaction against the auth database; problems exit with code 1."""
    settings = AuthSettings()

    async def main() -> T:
        url = settings.async_database_url
        async with script_session(url, app_name="pakt-auth-cli") as session:
            result = await work(session, settings)
            await session.commit()
            return result

    try:
        return asyncio.run(main())
    except ProblemError as exc:
        typer.echo(f"error: {exc.title}: {exc.detail or ''}", err=True)
        raise typer.Exit(1) from exc


async def retention(settings: AuthSettings | None = None) -> list[Removed]:
    """`pakt retention run` for auth: its audit trail, outbox and idempotency records."""
    return await enforce_for(settings or AuthSettings(), app_name="pakt-auth-retention")


@users_app.command("create")
def create_user(
    username: Annotated[str, typer.Argument(help="Lower case login name")],
    organization_id: Org,
    roles: Roles,
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
    user, _version = _run(
        lambda session, settings: accounts.create_user(session, _actor(), data, Passwords(settings))
    )
    typer.echo(f"created user {username} with id {user.id}")


@clients_app.command("create")
def create_client(
    client_id: Annotated[str, typer.Argument(help="Client id, e.g. kommunal-it-goeppingen")],
    organization_id: Org,
    roles: Roles,
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
    _client, _version, secret = _run(
        lambda session, _: accounts.create_client(session, _actor(), data)
    )
    typer.echo(f"created client {client_id}\nclient_secret: {secret}")
    typer.echo("(store it now: it is not shown again)")


@keys_app.command("rotate")
def rotate_keys() -> None:
    """Publish a new signing key; it signs after AUTH_KEY_PUBLISH_AHEAD_SECONDS."""
    kid, activates_at = _run(
        lambda session, settings: rotate_signing_key(session, settings, _actor())
    )
    typer.echo(f"new signing key {kid} is published and signs from {activates_at.isoformat()}")
    typer.echo("the previous key stays published until the tokens it signed have expired")
