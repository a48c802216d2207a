"""`pakt config check`: reads every service's settings from the environment, as the service
would at start-up, and prints each problem as `<VARIABLE>: what is wrong`.

Beyond what the settings classes validate: URLs must be URLs, and outside development the
documented demo defaults (key encryption key, demo secret seed) and empty client secrets are
problems, because a service would start with them and be insecure or fail on first use.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import typer
from pydantic import BaseModel, SecretStr, ValidationError

from services.cli.failures import OperatorError
from services.cli.postgres import check_url
from services.common.demo import DEMO_SECRET_SEED
from services.tooling.config_catalog import SERVICES

commands = typer.Typer(help="The services' configuration.", no_args_is_help=True)
DEV_ONLY = {  # field: the documented default that must not reach production
    "key_encryption_key": "pakt-dev-only-key-encryption-key",
    "demo_secret_seed": DEMO_SECRET_SEED,
}


def _prefix(settings_class: type[BaseModel]) -> str:
    return str(settings_class.model_config.get("env_prefix", "")).upper()


def _value(settings: BaseModel, name: str) -> str:
    value = getattr(settings, name)
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


def _url_problems(settings: BaseModel, prefix: str) -> list[str]:
    problems = []
    for name in type(settings).model_fields:
        if not name.endswith("_url"):
            continue
        variable, value = f"{prefix}{name.upper()}", _value(settings, name)
        if name == "database_url":
            try:
                check_url(value, variable)
            except OperatorError as exc:
                problems.append(str(exc))
        elif urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).hostname:
            problems.append(f"{variable}: {value!r} is not an http(s) URL")
    return problems


def _production_problems(settings: BaseModel, prefix: str) -> list[str]:
    if _value(settings, "environment") == "development":
        return []
    problems = [
        f"{prefix}{name.upper()}: still the documented development default; set a secret value"
        for name, default in DEV_ONLY.items()
        if name in type(settings).model_fields and _value(settings, name) == default
    ]
    if "client_secret" in type(settings).model_fields and not _value(settings, "client_secret"):
        problems.append(
            f"{prefix}CLIENT_SECRET: empty; set the secret of {prefix}CLIENT_ID's API client"
        )
    return problems


def problems_of(settings_class: type[BaseModel]) -> list[str]:
    """Every problem of one service's settings as the environment gives them now."""
    prefix = _prefix(settings_class)
    try:
        settings = settings_class()
    except ValidationError as exc:
        return [
            f"{prefix}{str(error['loc'][0]).upper() if error['loc'] else ''}: {error['msg']}"
            for error in exc.errors()
        ]
    return [*_url_problems(settings, prefix), *_production_problems(settings, prefix)]


@commands.command("check")
def check_command() -> None:
    """Validate every service's settings from the environment; exit 1 if any has a problem."""
    found = 0
    for spec in SERVICES:
        problems = problems_of(spec.settings_class())
        found += len(problems)
        typer.echo(f"{spec.name}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        for problem in problems:
            typer.echo(f"  {problem}")
    if found:
        raise typer.Exit(1)
