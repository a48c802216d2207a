"""`pakt users ...` and `pakt clients ...`: accounts of people and machines."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.accounts import service as accounts
from services.auth.accounts.schemas import (
    ClientCreate,
    ClientUpdate,
    UserCreate,
    UserUpdate,
)
from services.auth.cli.base import (
    All,
    Org,
    OrgFilter,
    PasswordStdin,
    Roles,
    actor,
    all_pages,
    client_named,
    clients_app,
    etag,
    in_transaction,
    password_from,
    print_table,
    user_named,
    users_app,
)
from services.auth.security import Passwords
from services.auth.settings import AuthSettings
from services.auth.tokens import throttle
from services.common.audit import record_audit


@users_app.command("create")
def create_user(
    username: Annotated[str, typer.Argument(help="Lower case login name")],
    organization_id: Org,
    roles: Roles,
    display_name: Annotated[str | None, typer.Option(help="Display name")] = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Create a user (asks for the password, or reads it with --password-stdin)."""
    fields = {
        "username": username,
        "display_name": display_name,
        "organization_id": organization_id,
        "roles": roles,
    }
    UserCreate.model_validate({**fields, "password": "x" * 12})  # all but the password, first
    data = UserCreate.model_validate({**fields, "password": password_from(password_stdin)})
    user, _version = in_transaction(
        lambda session, settings: accounts.create_user(session, actor(), data, Passwords(settings))
    )
    typer.echo(f"created user {username} with id {user.id}")


def _change_user(username: str, change: UserUpdate) -> None:
    """Applies `change` to the user `username` as it is now (its current version)."""

    async def work(session: AsyncSession, settings: AuthSettings) -> None:
        row = await user_named(session, username)
        await accounts.update_user(
            session, actor(), str(row.id), change, etag(row), Passwords(settings)
        )

    in_transaction(work)


@users_app.command("list")
def list_users(organization_id: OrgFilter = None, include_all: All = False) -> None:
    """List users (active ones unless --all) with organization, roles and state."""
    users = all_pages(accounts.list_users, organization_id, include_all)
    rows = [("USERNAME", "ID", "ORGANIZATION", "ROLES", "STATE")]
    rows += [
        (
            u.username,
            u.id,
            u.organization_id,
            ",".join(u.roles),
            "active" if u.active else "deactivated",
        )
        for u in users
    ]
    print_table(rows)


@users_app.command("deactivate")
def deactivate_user(username: Annotated[str, typer.Argument(help="Login name")]) -> None:
    """Deactivate a user: no more logins; its tokens stop working within seconds."""
    _change_user(username, UserUpdate(active=False))
    typer.echo(f"deactivated user {username}")


@users_app.command("reset-password")
def reset_password(
    username: Annotated[str, typer.Argument(help="Login name")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Set a new password (asked, or read with --password-stdin); ends the user's sessions."""
    _change_user(username, UserUpdate.model_validate({"password": password_from(password_stdin)}))
    typer.echo(f"new password set for {username}; its refresh tokens were revoked")


@users_app.command("unlock")
def unlock_user(username: Annotated[str, typer.Argument(help="Login name")]) -> None:
    """Lift a login lockout after failed passwords (the account's counter starts afresh)."""

    async def work(session: AsyncSession, _: AuthSettings) -> None:
        row = await user_named(session, username)
        await throttle.clear(session, throttle.account_key(username))
        await record_audit(session, actor(), "user.unlocked", "user", str(row.id))

    in_transaction(work)
    typer.echo(f"unlocked {username}")


@clients_app.command("create")
def create_client(
    client_id: Annotated[str, typer.Argument(help="Client id, e.g. kommunal-it-goeppingen")],
    organization_id: Org,
    roles: Roles,
    name: Annotated[str | None, typer.Option(help="Display name")] = None,
    scopes: Annotated[
        list[str] | None, typer.Option("--scope", help="A scope; repeat for several")
    ] = None,
    client_type: Annotated[
        str,
        typer.Option("--type", help="confidential (machine or server app) or public (browser app)"),
    ] = "confidential",
    redirect_uris: Annotated[
        list[str] | None,
        typer.Option("--redirect-uri", help="Where login may return (exact); repeat for several"),
    ] = None,
    logout_uris: Annotated[
        list[str] | None,
        typer.Option("--post-logout-redirect-uri", help="Where logout may return; repeatable"),
    ] = None,
    grants: Annotated[
        list[str] | None,
        typer.Option(
            "--grant", help="A grant type; repeat (public: authorization_code, refresh_token)"
        ),
    ] = None,
) -> None:
    """Create an API client and print its secret (shown only now; public clients have none)."""
    fields: dict[str, object] = {
        "client_id": client_id,
        "name": name or client_id,
        "organization_id": organization_id,
        "roles": roles,
        "scopes": scopes or [],
        "client_type": client_type,
        "redirect_uris": redirect_uris or [],
        "post_logout_redirect_uris": logout_uris or [],
    }
    if grants or client_type == "public":
        fields["grant_types"] = grants or ["authorization_code", "refresh_token"]
    data = ClientCreate.model_validate(fields)
    _client_row, _version, secret = in_transaction(
        lambda session, _: accounts.create_client(session, actor(), data)
    )
    if secret is None:
        typer.echo(f"created public client {client_id} (no secret: it logs in with PKCE)")
        return
    typer.echo(f"created client {client_id}\nclient_secret: {secret}")
    typer.echo("(store it now: it is not shown again)")


@clients_app.command("list")
def list_clients(organization_id: OrgFilter = None, include_all: All = False) -> None:
    """List API clients (active ones unless --all) with organization, roles and scopes."""
    clients = all_pages(accounts.list_clients, organization_id, include_all)
    rows = [("CLIENT_ID", "ORGANIZATION", "ROLES", "SCOPES", "STATE")]
    rows += [
        (
            c.client_id,
            c.organization_id,
            ",".join(c.roles) or "-",
            ",".join(c.scopes) or "-",
            "active" if c.active else "disabled",
        )
        for c in clients
    ]
    print_table(rows)


@clients_app.command("disable")
def disable_client(client_id: Annotated[str, typer.Argument(help="Client id")]) -> None:
    """Disable a client: no new tokens; its tokens stop working within seconds."""

    async def work(session: AsyncSession, _: AuthSettings) -> None:
        row = await client_named(session, client_id)
        await accounts.update_client(
            session, actor(), str(row.id), ClientUpdate(active=False), etag(row)
        )

    in_transaction(work)
    typer.echo(f"disabled client {client_id}")


@clients_app.command("rotate-secret")
def rotate_client_secret(client_id: Annotated[str, typer.Argument(help="Client id")]) -> None:
    """Give a client a new secret and print it; the old one stops working now."""

    async def work(session: AsyncSession, _: AuthSettings) -> tuple[str, str]:
        row = await client_named(session, client_id)
        return await accounts.rotate_client_secret(session, actor(), str(row.id))

    _, secret = in_transaction(work)
    typer.echo(f"client_secret: {secret}\n(store it now: it is not shown again)")
