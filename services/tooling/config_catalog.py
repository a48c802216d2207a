"""The one list of the services and their settings, derived from the pydantic settings classes.

Deploy files (compose, Kubernetes, the README table) are checked against this catalog, so a
setting added to a service's settings class shows up here without a second list to keep.

`services.common` may not import the services (import-linter), so they are named here by
import path, the same way uvicorn names their app factories, and imported only when asked.

    python -m services.tooling.config_catalog                      # print the table
    python -m services.tooling.config_catalog --write-readme README.md   # refresh it there
"""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import SecretBytes, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

# What a setting means when its field carries no description of its own.
MEANINGS: dict[str, str] = {
    "environment": "deployment name shown in logs (development, staging, production)",
    "database_url": "URL of this service's own PostgreSQL database (secret: holds the password)",
    "db_pool_size": "pooled connections per process (plus a small overflow)",
    "db_statement_timeout_ms": "PostgreSQL statement_timeout for every session, in ms",
    "jwt_issuer": "expected `iss` of tokens (auth: the issuer it writes)",
    "jwt_audience": "expected `aud` of tokens",
    "jwks_url": "where the auth service publishes its public signing keys",
    "jwks_ttl_seconds": "how long fetched signing keys are cached",
    "jwt_leeway_seconds": "clock skew tolerated on `exp`, `iat`",
    "log_level": "minimum log level (DEBUG, INFO, WARNING, ERROR)",
    "log_json": "log as JSON lines (true) or human-readable text (false)",
    "public_base_url": "the origin clients see (the gateway), used in links",
    "access_token_ttl_seconds": "lifetime of access tokens, in seconds",
    "refresh_token_ttl_seconds": "lifetime of refresh tokens, in seconds",
    "rsa_key_bits": "size of newly generated RSA signing keys",
    "key_refresh_min_seconds": "minimum time between reloads of the signing keys",
    "argon2_time_cost": "argon2 password hashing: passes",
    "argon2_memory_kib": "argon2 password hashing: memory per hash, in KiB",
    "argon2_parallelism": "argon2 password hashing: lanes",
    "login_base_delay_seconds": "first delay after the free failed logins; doubles per failure",
    "login_max_lockout_seconds": "longest delay after failed logins",
    "login_failure_window_seconds": "how long failed logins are remembered",
}


@dataclass(frozen=True)
class ServiceSpec:
    """One process type: its name, port, app factory and settings class (by import path)."""

    name: str
    port: int
    settings_path: str

    @property
    def app_factory(self) -> str:
        return f"services.{self.name}.app:create_app"

    @property
    def health_path(self) -> str:
        return f"/{self.name}/healthz"

    @property
    def ready_path(self) -> str:
        return f"/{self.name}/readyz"

    def settings_class(self) -> type[BaseSettings]:
        module_name, _, class_name = self.settings_path.partition(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        if not (isinstance(cls, type) and issubclass(cls, BaseSettings)):
            raise TypeError(f"{self.settings_path} is not a pydantic BaseSettings class")
        return cls


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec("auth", 8001, "services.auth.settings:AuthSettings"),
    ServiceSpec("cases", 8002, "services.cases.settings:CasesSettings"),
    ServiceSpec("funding", 8003, "services.funding.settings:FundingSettings"),
)
GATEWAY_PORT = 8080


@dataclass(frozen=True)
class Setting:
    """One environment variable of one service."""

    env: str
    service: str
    field: str
    default: str
    required: bool
    secret: bool
    meaning: str


def service(name: str) -> ServiceSpec:
    for spec in SERVICES:
        if spec.name == name:
            return spec
    raise KeyError(f"no service named {name!r}")


def _is_secret(name: str, info: FieldInfo) -> bool:
    annotation = info.annotation
    secret_type = isinstance(annotation, type) and issubclass(annotation, SecretStr | SecretBytes)
    # a switch about passwords (password_grant_enabled) holds none
    switch = name.endswith("_enabled")
    return (
        secret_type
        or name == "database_url"
        or "secret" in name
        or ("password" in name and not switch)
    )


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    value: Any = info.get_default(call_default_factory=True)
    if isinstance(value, SecretStr | SecretBytes):
        return "(secret)"
    if isinstance(value, bool | list | tuple | dict):
        return json.dumps(value)  # what pydantic-settings parses from the environment
    return "" if value is None else str(value)


def _bounds(info: FieldInfo) -> str:
    """The allowed range (`ge`/`le` constraints), as a suffix of the meaning."""
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if low is not None and high is not None:
        return f" ({low}–{high})"
    if low is not None:
        return f" (≥ {low})"
    return "" if high is None else f" (≤ {high})"


def settings_of(spec: ServiceSpec) -> list[Setting]:
    """The environment variables `spec`'s settings class reads, in declaration order."""
    cls = spec.settings_class()
    prefix = str(cls.model_config.get("env_prefix", ""))
    rows = []
    for name, info in cls.model_fields.items():
        rows.append(
            Setting(
                env=f"{prefix}{name}".upper(),
                service=spec.name,
                field=name,
                default=_default(info),
                required=info.is_required(),
                secret=_is_secret(name, info),
                meaning=(info.description or MEANINGS.get(name) or name.replace("_", " "))
                + _bounds(info),
            )
        )
    return rows


def catalog() -> list[Setting]:
    """Every setting of every service."""
    return [row for spec in SERVICES for row in settings_of(spec)]


def env_names(service_name: str) -> set[str]:
    return {row.env for row in settings_of(service(service_name))}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table() -> str:
    """The configuration table of the README (name, service, default, meaning)."""
    lines = ["| name | service | default | meaning |", "|---|---|---|---|"]
    for row in catalog():
        default = "(required)" if row.required else f"`{row.default}`" if row.default else ""
        lines.append(f"| `{row.env}` | {row.service} | {_cell(default)} | {_cell(row.meaning)} |")
    return "\n".join(lines) + "\n"


TABLE_START = "<!-- config-table: generated by `python -m services.tooling.config_catalog` -->"
TABLE_END = "<!-- /config-table -->"


def readme_table(readme_text: str) -> str | None:
    """The table between the markers in a README, or None when the markers are missing."""
    start, end = readme_text.find(TABLE_START), readme_text.find(TABLE_END)
    if start < 0 or end < start:
        return None
    return readme_text[start + len(TABLE_START) : end].strip("\n") + "\n"


def with_table(readme_text: str) -> str:
    """`readme_text` with the table between the markers replaced by the current one."""
    if readme_table(readme_text) is None:
        raise ValueError(f"no {TABLE_START!r} ... {TABLE_END!r} markers")
    head, _, rest = readme_text.partition(TABLE_START)
    _, _, tail = rest.partition(TABLE_END)
    return f"{head}{TABLE_START}\n{markdown_table()}{TABLE_END}{tail}"


def main(argv: list[str]) -> int:
    if argv == []:
        sys.stdout.write(markdown_table())
        return 0
    if len(argv) == 2 and argv[0] == "--write-readme":
        path = Path(argv[1])
        path.write_text(with_table(path.read_text()))
        return 0
    sys.stderr.write(
        "usage: python -m services.tooling.config_catalog [--write-readme README.md]\n"
    )
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
