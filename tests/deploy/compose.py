"""Checks of deploy/compose.yaml against the settings catalog and the image's entrypoint.

Every service, port, environment variable and health check must be the project's: a
misspelled variable, a wrong port or a health check on a path the service does not serve is
a problem. Variables come from `environment:` (non-secret) and the committed
`<env_file>.example` files (the real env files are never committed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from compose_spec import PyCompose

from services.cli.worker import POOL_SIZE as WORKER_POOL_SIZE
from services.tooling.config_catalog import GATEWAY_PORT, SERVICES, ServiceSpec, settings_of
from tests.deploy.kube import connections_per_process

Obj = dict[str, Any]
WORKERS = {f"webhooks-{s.name}": s for s in SERVICES}  # `pakt worker <service>`
EXPECTED_SERVICES = {"postgres", "migrate", "gateway", *(s.name for s in SERVICES), *WORKERS}
MIN_STOP_GRACE_S = 25  # uvicorn's 20 s (entrypoint) plus a margin


def _seconds(value: str) -> float:
    total = 0.0
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", value):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def _env_file_keys(compose_dir: Path, env_file: str, problems: list[str], where: str) -> set[str]:
    example = compose_dir / f"{env_file}.example"
    if not example.exists():
        problems.append(f"{where}: env file {env_file} has no committed {example.name}")
        return set()
    keys = set()
    for line in example.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keys.add(line.split("=", 1)[0].strip())
    return keys


def _environment(service: Obj) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): str(v) for k, v in env.items()}


def _env_files(service: Obj) -> list[str]:
    files = service.get("env_file") or []
    files = [files] if isinstance(files, str | dict) else files
    return [f["path"] if isinstance(f, dict) else str(f) for f in files]


def _env_problems(compose_dir: Path, service: Obj, spec: ServiceSpec, where: str) -> list[str]:
    """Variables in `environment:` and the env files' examples against the settings catalog."""
    problems: list[str] = []
    settings = {s.env: s for s in settings_of(spec)}
    environment = _environment(service)
    from_files: set[str] = set()
    for env_file in _env_files(service):
        from_files |= _env_file_keys(compose_dir, env_file, problems, where)
    for var in sorted((set(environment) | from_files) - set(settings)):
        problems.append(f"{where}: {var} is not a setting of {spec.name}")
    for setting in settings.values():
        if setting.required and setting.env not in set(environment) | from_files:
            problems.append(f"{where}: required setting {setting.env} is not set")
        if setting.secret and setting.env in environment:
            problems.append(f"{where}: secret {setting.env} belongs in an env file, not in compose")
        elif setting.secret and setting.env not in from_files:
            problems.append(
                f"{where}: secret {setting.env} is not set (its default is for development)"
            )
    if f"{spec.name.upper()}_DATABASE_URL" not in from_files:
        problems.append(f"{where}: its database URL must come from an env file")
    return problems


def _app_problems(compose_dir: Path, name: str, service: Obj, spec: ServiceSpec) -> list[str]:
    where = f"compose service {name}"
    problems = _env_problems(compose_dir, service, spec, where)
    if service.get("command") != [spec.name]:
        problems.append(f"{where}: command {service.get('command')} does not start {spec.name}")
    exposed = [int(str(p).split("/")[0]) for p in service.get("expose") or []]
    if exposed != [spec.port]:
        problems.append(f"{where}: exposes {exposed}, the service listens on {spec.port}")
    test = " ".join(str(t) for t in (service.get("healthcheck") or {}).get("test") or [])
    urls = re.findall(r"http://127\.0\.0\.1:(\d+)(/\S*)", test)
    wanted = {(str(spec.port), spec.ready_path), (str(spec.port), spec.health_path)}
    if len(urls) != 1 or urls[0] not in wanted:
        problems.append(
            f"{where}: health check {test!r} does not ask"
            f" http://127.0.0.1:{spec.port}{spec.ready_path} (or {spec.health_path})"
        )
    if _seconds(str(service.get("stop_grace_period", "10s"))) < MIN_STOP_GRACE_S:
        problems.append(
            f"{where}: stop_grace_period below {MIN_STOP_GRACE_S}s cuts graceful shutdown"
        )
    depends = service.get("depends_on") or {}
    if (depends.get("migrate") or {}).get("condition") != "service_completed_successfully":
        problems.append(f"{where}: must wait for the migrations (service_completed_successfully)")
    return problems


RESERVED_CONNECTIONS = 10  # superuser sessions, migrations, pg_isready


def _connection_problems(services: dict[str, Obj]) -> list[str]:
    """All services' pools with their overflow fit PostgreSQL's max_connections."""
    command = " ".join(str(c) for c in (services.get("postgres") or {}).get("command") or [])
    found = re.search(r"max_connections=(\d+)", command)
    limit = int(found.group(1)) if found else 100
    needed = RESERVED_CONNECTIONS
    for spec in SERVICES:
        default = next(s.default for s in settings_of(spec) if s.field == "db_pool_size")
        env = _environment(services.get(spec.name) or {})
        needed += connections_per_process(
            int(env.get(f"{spec.name.upper()}_DB_POOL_SIZE", default))
        )
        needed += connections_per_process(WORKER_POOL_SIZE)  # its webhook worker
    if needed > limit:
        return [
            f"postgres: the services' pools need {needed} connections > max_connections {limit}"
        ]
    return []


def interpolate(text: str, env: dict[str, str] | None = None) -> str:
    """Compose's `${NAME}`, `${NAME:-default}` and `${NAME-default}` with `env` (default: none)."""
    env = env or {}
    pattern = r"\$\{(\w+)(?::?-([^}]*))?\}"
    return re.sub(pattern, lambda m: env.get(m.group(1)) or m.group(2) or "", text)


def spec_problems(doc: Obj) -> list[str]:
    """The file against the Compose Specification (the compose_spec parser: unknown keys,
    wrong types and values are errors). Anchors and merge keys are resolved by YAML first."""
    try:
        PyCompose.from_json(json.dumps(doc))
    except ValueError as exc:
        return [f"not a valid Compose file: {exc}"]
    return []


def compose_problems(path: Path) -> list[str]:
    """Everything wrong with the compose file at `path` (empty when it matches the project)."""
    try:
        doc = yaml.safe_load(interpolate(path.read_text()))
    except yaml.YAMLError as exc:
        return [f"{path}: not YAML: {exc}"]
    problems = spec_problems(doc)
    services: dict[str, Obj] = doc.get("services") or {}
    if set(services) != EXPECTED_SERVICES:
        problems.append(f"services are {sorted(services)}, expected {sorted(EXPECTED_SERVICES)}")
    for spec in SERVICES:
        if spec.name in services:
            problems += _app_problems(path.parent, spec.name, services[spec.name], spec)
    problems += _connection_problems(services)
    migrate = services.get("migrate") or {}
    if migrate.get("command") != ["migrate"] or str(migrate.get("restart")) != "no":
        problems.append('compose service migrate: must run `migrate` once (restart: "no")')
    keys: set[str] = set()
    for env_file in _env_files(migrate):
        keys |= _env_file_keys(path.parent, env_file, problems, "compose service migrate")
    for spec in SERVICES:
        if f"{spec.name.upper()}_DATABASE_URL" not in keys:
            problems.append(f"compose service migrate: no {spec.name.upper()}_DATABASE_URL")
    for name, spec in WORKERS.items():
        worker = services.get(name) or {}
        if worker.get("command") != ["pakt", "worker", spec.name]:
            problems.append(f"compose service {name}: must run `pakt worker {spec.name}`")
        if ((worker.get("depends_on") or {}).get("migrate") or {}).get(
            "condition"
        ) != "service_completed_successfully":
            problems.append(f"compose service {name}: must wait for the migrations")
    gateway = services.get("gateway") or {}
    if (gateway.get("build") or {}).get("target") != "gateway":
        problems.append("compose service gateway: must build the Dockerfile's gateway target")
    ports = [str(p) for p in gateway.get("ports") or []]
    if len(ports) != 1 or not ports[0].endswith(f":{GATEWAY_PORT}"):
        problems.append(f"compose service gateway: must publish container port {GATEWAY_PORT}")
    for spec in SERVICES:
        dep = (gateway.get("depends_on") or {}).get(spec.name) or {}
        if dep.get("condition") != "service_healthy":
            problems.append(f"compose service gateway: must wait for {spec.name} to be healthy")
    return problems
