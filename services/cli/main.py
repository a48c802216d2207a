"""`pakt`: run the platform, migrate and seed its databases, and the services' own commands.

The services' commands (`services/<svc>/cli.py: commands`) are merged into the top level and
the contract helper (`services/cli/openapi.py: commands`) is `pakt openapi`. A service's
commands read their database from the service's settings (`<SVC>_DATABASE_URL`); `pakt` sets
it the one way every command finds databases (`database.point_at`), so no service needs to
know how the launcher finds or starts PostgreSQL. Failures are one line (`failures.py`).
"""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from services.auth import cli as auth_cli
from services.auth.seed import DEMO_PASSWORD, DEMO_USERS, organization_names
from services.cases import cli as cases_cli
from services.cli import config_check, database, db_status, gateway, imports, openapi, retention
from services.cli.failures import OperatorApp, OperatorError
from services.cli.postgres import SERVICES, Server, find_server, stop_if_started
from services.cli.progress import progress
from services.cli.stack import Ports, Stack, StackError, check_ports, wait_for_signal
from services.cli.worker import run_worker

app = OperatorApp(
    help="The Pakt API platform: run it, migrate it, seed it.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
db_app = typer.Typer(help="The services' databases.", no_args_is_help=True)
app.add_typer(db_app, name="db")
db_app.command("status")(db_status.status_command)
app.add_typer(config_check.commands, name="config")


def say(line: str) -> None:
    typer.echo(line)
    sys.stdout.flush()


def say_each(lines: Iterable[str]) -> None:
    """Prints each step as it is done, under a progress bar on stderr (terminals only)."""
    with progress() as bar:
        task = bar.add_task("working", total=None)
        for line in lines:
            bar.update(task, description=line[:60], advance=1)
            say(f"  {line}")


def _find_server() -> Server:
    server = find_server()
    say(f"PostgreSQL: {server.source}")
    return server


def _server_urls() -> dict[str, str]:
    return database.database_urls(_find_server())


def _version(value: bool) -> None:
    if value:
        say(f"pakt {importlib.metadata.version('pakt-api')}")
        raise typer.Exit


@db_app.command("migrate")
def db_migrate() -> None:
    """Create each service database if missing and upgrade it to the newest migration."""
    say_each(database.migrate(_server_urls()))


@app.command("seed")
def seed() -> None:
    """Load the demo data (organizations, demo users, clients); safe to run again."""
    say_each(database.seed(_server_urls()))


@app.command("dev")
def dev(
    auth_port: Annotated[int, typer.Option(envvar="PAKT_AUTH_PORT", min=1, max=65535)] = 8001,
    cases_port: Annotated[int, typer.Option(envvar="PAKT_CASES_PORT", min=1, max=65535)] = 8002,
    funding_port: Annotated[int, typer.Option(envvar="PAKT_FUNDING_PORT", min=1, max=65535)] = 8003,
    gateway_port: Annotated[int, typer.Option(envvar="PAKT_GATEWAY_PORT", min=1, max=65535)] = 8080,
    cors_origins: Annotated[
        str, typer.Option(envvar="PAKT_CORS_ORIGINS", help="Comma-separated allowed origins")
    ] = ",".join(gateway.DEFAULT_CORS_ORIGINS),
) -> None:
    """Run everything: PostgreSQL, migrations, demo data, the three services and the gateway.

    Ctrl-C (or SIGTERM) stops every process this command started.
    """
    ports = Ports(auth=auth_port, cases=cases_port, funding=funding_port, gateway=gateway_port)
    servers: list[Server] = []
    try:
        _run_dev(ports, cors_origins, servers)
    finally:
        for server in servers:
            stop_if_started(server)


def _run_dev(ports: Ports, cors_origins: str, started: list[Server]) -> None:
    try:
        config = gateway.GatewayConfig(cors_origins=gateway.cors_origins_from_env(cors_origins))
        check_ports(ports)
        gateway.find_nginx()
        server = _find_server()
        started.append(server)
        urls = database.database_urls(server)
        say_each(database.migrate(urls))
        say("Demo data:")
        say_each(database.seed(urls))
        run_name = "dev" if ports.gateway == 8080 else f"dev-{ports.gateway}"
        stack = Stack(
            urls, ports=ports, name=run_name, gateway_config=config, retention_every=3600,
            workers=True,  # one webhook worker per service
        )  # fmt: skip
        say("Starting auth, cases, funding and the gateway ...")
        stack.start()
    except (StackError, gateway.GatewayError) as exc:
        raise _one_line(exc) from exc
    except KeyboardInterrupt as exc:  # Ctrl-C while starting: Stack.start stopped what it began
        say("Interrupted.")
        raise typer.Exit(130) from exc
    _announce(stack)
    try:
        wait_for_signal(stack, say)
    except StackError as exc:
        raise _one_line(exc) from exc
    say("Stopped.")


def _one_line(exc: Exception) -> OperatorError:
    """The error line of a stack failure; what follows it (a log's tail) goes to stdout."""
    first, *rest = str(exc).splitlines() or [type(exc).__name__]
    for line in rest:
        say(line)
    return OperatorError(first.rstrip(":") + (" (its log is above)" if rest else ""))


def _announce(stack: Stack) -> None:
    say("")
    say(f"Gateway:   {stack.gateway_url}   (/auth/, /cases/, /funding/)")
    say(f"Docs:      {stack.docs_url}")
    say(f"Contract:  {stack.gateway_url}/openapi.yaml")
    for service in SERVICES:
        health = f"{stack.gateway_url}/{service}/healthz"
        say(f"  {service:8} {stack.service_url(service)}   health: {health}")
    say(f"Logs:      {stack.run_dir}/   (retention runs hourly: retention.log)")
    say(f"Demo logins (password {DEMO_PASSWORD}):")
    organizations = organization_names()
    for user in DEMO_USERS:
        say(f"  {user.username:22} {user.role:18} {organizations[user.org]}")
    login = f"-d username=cw.goeppingen -d password={DEMO_PASSWORD}"
    say(f"Token:     curl -d grant_type=password {login} {stack.gateway_url}/auth/v1/token")
    say("Press Ctrl-C to stop.")


# a service's commands are groups merged into the top level: `users`, `clients`, `keys`, `cases`
SERVICE_COMMANDS = {"auth": auth_cli.commands, "cases": cases_cli.commands}
# imports from files (services/cli/imports.py): `pakt auth ...`, `pakt funding ...`, `cases import`
cases_cli.cases_app.command("import")(imports.import_cases_command)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Options of `pakt` itself."""


# a service's commands find their database the one way `pakt` finds databases, once their
# arguments are checked (help and typos need no database, so no server is found or started)
auth_cli.base.prepare_database = lambda: database.point_at(["auth"])
cases_cli.prepare_database = lambda: database.point_at(["cases"])


for _commands in SERVICE_COMMANDS.values():
    app.add_typer(_commands)
app.add_typer(openapi.commands, name="openapi", help="The merged OpenAPI contract.")
app.add_typer(retention.commands, name="retention")
app.add_typer(imports.auth_commands, name="auth")
app.add_typer(imports.funding_commands, name="funding")
app.command("worker")(run_worker)
