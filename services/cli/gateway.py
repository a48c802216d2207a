"""The nginx gateway: find (or install) nginx, render deploy/gateway/ into a run directory.

The template in deploy/gateway/nginx.conf.template has `{{name}}` placeholders; everything
nginx writes (pid, logs, temp files) stays under the run directory, so nginx needs no root.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import pwd
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from services.cli.postgres import PROJECT_ROOT
from services.tooling import gateway_problems, problem_pages

GATEWAY_DIR = PROJECT_ROOT / "deploy" / "gateway"
TEMPLATE = GATEWAY_DIR / "nginx.conf.template"
OPENAPI_FILE = PROJECT_ROOT / "openapi" / "openapi.yaml"
DEFAULT_CORS_ORIGINS = ("http://localhost:3000", "http://127.0.0.1:3000")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
_NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")


class GatewayError(Exception):
    """nginx is missing, or the configuration could not be rendered or checked."""


@dataclass(frozen=True)
class GatewayConfig:
    """What the template needs besides the ports. Defaults are what `pakt dev` uses."""

    listen_host: str = "127.0.0.1"
    cors_origins: tuple[str, ...] = DEFAULT_CORS_ORIGINS
    body_size: str = "2m"
    bulk_body_size: str = "16m"
    api_rate: int = 200
    api_burst: int = 400
    token_rate: int = 300
    token_burst: int = 10
    read_timeout: int = 60
    header_buffer_size: str = "8k"
    # the origin clients see, for the problems' `type` URIs; None: http://127.0.0.1:<port>,
    # as `pakt dev` tells the services (`<SVC>_PUBLIC_BASE_URL`)
    public_base_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for origin in self.cors_origins:
            if not _ORIGIN.match(origin):
                raise GatewayError(
                    f"not a valid CORS origin: {origin!r} (expected scheme://host[:port])"
                )


def cors_origins_from_env(value: str | None) -> tuple[str, ...]:
    """`PAKT_CORS_ORIGINS`: comma-separated origins such as `https://app.example.org`."""
    if not value:
        return DEFAULT_CORS_ORIGINS
    return tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())


def find_nginx(install: bool = True) -> str:
    """Path of the nginx binary; installs Debian's package when missing and we may."""
    found = shutil.which("nginx") or next((p for p in _NGINX_CANDIDATES if Path(p).exists()), None)
    if found:
        return found
    debian = Path("/etc/debian_version").exists()
    if install and debian and os.geteuid() == 0:
        print("nginx is missing: installing Debian's nginx package ...", flush=True)  # noqa: T201
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        try:
            subprocess.run(["apt-get", "update", "-q"], check=True, env=env)  # noqa: S607
            subprocess.run(["apt-get", "install", "-y", "-q", "nginx"], check=True, env=env)  # noqa: S607
        except subprocess.CalledProcessError as exc:
            raise GatewayError(f"installing nginx failed ({exc}); install it by hand") from exc
        return find_nginx(install=False)
    hint = "sudo apt-get install nginx" if debian else "install nginx with your package manager"
    raise GatewayError(f"nginx is required for the gateway but was not found. Install it ({hint}).")


def swagger_ui_dir() -> Path:
    """The static Swagger UI files shipped by the swagger-ui-bundle-v2 package."""
    vendor = Path(str(importlib.resources.files("swagger_ui_bundle"))) / "vendor"
    dirs = sorted(vendor.glob("swagger-ui-*"))
    if not dirs:
        raise GatewayError(f"no Swagger UI files under {vendor}")
    return dirs[-1]


def _merged_placeholder() -> dict[str, Any]:
    """Until openapi/openapi.yaml is exported: the services' own documents, merged naively."""
    from services.auth.app import create_app as auth_app
    from services.cases.app import create_app as cases_app
    from services.funding.app import create_app as funding_app

    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "Pakt API",
            "version": "0.0.0",
            "description": "Generated at start-up: openapi/openapi.yaml is not exported yet.",
        },
        "paths": {},
        "components": {"schemas": {}},
    }
    for make in (auth_app, cases_app, funding_app):
        doc = make().openapi()
        merged["paths"].update(doc.get("paths", {}))
        merged["components"]["schemas"].update(doc.get("components", {}).get("schemas", {}))
    return merged


def openapi_file(run_dir: Path) -> Path:
    """The committed contract, or a placeholder rendered into `run_dir` while there is none."""
    if OPENAPI_FILE.exists():
        return OPENAPI_FILE
    placeholder = run_dir / "openapi.yaml"
    placeholder.write_text(yaml.safe_dump(_merged_placeholder(), sort_keys=False))
    return placeholder


def _cors_map(origins: tuple[str, ...]) -> str:
    return "\n".join(f'        "{origin}" $http_origin;' for origin in origins)


def _worker_user() -> str:
    """As root, workers run as the owner of the project (they read its files); else unused."""
    if os.geteuid() != 0:
        return ""
    owner = pwd.getpwuid(PROJECT_ROOT.stat().st_uid).pw_name
    return f"user {owner};"


def render(run_dir: Path, ports: dict[str, int], config: GatewayConfig) -> Path:
    """Writes `run_dir/nginx.conf` for the given ports; returns its path."""
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    public = config.public_base_url or f"http://127.0.0.1:{ports['gateway']}"
    problem_pages.write_pages(run_dir / "problems", public)
    limits = {
        "body_size": config.body_size,
        "bulk_body_size": config.bulk_body_size,
        "header_buffer_size": config.header_buffer_size,
    }
    values = {
        "user_directive": _worker_user(),
        "run_dir": str(run_dir),
        "mime_types": "/etc/nginx/mime.types",
        "cors_origins": _cors_map(config.cors_origins),
        "listen_host": config.listen_host,
        "gateway_port": str(ports["gateway"]),
        "auth_port": str(ports["auth"]),
        "cases_port": str(ports["cases"]),
        "funding_port": str(ports["funding"]),
        "body_size": config.body_size,
        "bulk_body_size": config.bulk_body_size,
        "api_rate": str(config.api_rate),
        "api_burst": str(config.api_burst),
        "token_rate": str(config.token_rate),
        "token_burst": str(config.token_burst),
        "read_timeout": str(config.read_timeout),
        "header_buffer_size": config.header_buffer_size,
        "openapi_file": str(openapi_file(run_dir)),
        "docs_dir": str(GATEWAY_DIR / "docs"),
        "swagger_ui_dir": str(swagger_ui_dir()),
        "problems_root": str(run_dir),  # the pages are in <problems_root>/problems/
        "problem_maps": gateway_problems.render_maps(public, limits),
        "problem_locations": gateway_problems.render_locations(),
        **config.extra,
    }
    if not Path(values["mime_types"]).exists():
        values["mime_types"] = str(run_dir / "mime.types")
        Path(values["mime_types"]).write_text(_MIME_TYPES)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise GatewayError(f"{TEMPLATE}: no value for placeholder {{{{{name}}}}}")
        return values[name]

    target = run_dir / "nginx.conf"
    target.write_text(_PLACEHOLDER.sub(fill, TEMPLATE.read_text()))
    (run_dir / "ports.json").write_text(json.dumps(ports))
    return target


def check(nginx: str, run_dir: Path, conf: Path) -> None:
    """`nginx -t` on the rendered file; a clear error naming the problem when it fails."""
    result = subprocess.run(  # noqa: S603
        [nginx, "-t", "-q", "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise GatewayError(f"nginx rejected {conf}:\n{result.stderr.strip()}")


def command(nginx: str, run_dir: Path, conf: Path) -> list[str]:
    return [nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")]


_MIME_TYPES = """types {
    text/html html;
    text/css css;
    application/javascript js;
    application/json json map;
    image/png png;
    application/yaml yaml yml;
}
"""
