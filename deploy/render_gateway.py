"""Renders the development gateway (deploy/gateway/) for containers: compose and Kubernetes.

The template and its values stay the gateway's own (services/cli/gateway.py renders them for
`pakt dev`); this script only changes where things live inside the gateway image:

- upstreams are the services' host names (`auth:8001`), not 127.0.0.1;
- nginx listens on 0.0.0.0:8080 and keeps pid, logs and temp files under /tmp/nginx;
- the contract, the docs page, Swagger UI and the problem pages are copied next to nginx.conf
  under SITE_ROOT.

    python deploy/render_gateway.py OUT_DIR [--site-root /srv/pakt] [--upstream-host NAME]

OUT_DIR receives nginx.conf, openapi.yaml, docs/, swagger-ui/ and problems/. The paths written into
nginx.conf start with --site-root (default: OUT_DIR's final place in the image, /srv/pakt).
--upstream-host replaces every service's host name (tests use 127.0.0.1 so `nginx -t`
can resolve them). PAKT_CORS_ORIGINS (comma-separated) sets the allowed origins;
PAKT_PUBLIC_URL the origin in the gateway's problem `type` URIs (as the services'
`<SVC>_PUBLIC_BASE_URL`; default http://127.0.0.1:8080).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from services.cli.gateway import GatewayConfig, cors_origins_from_env, render, swagger_ui_dir
from services.tooling.config_catalog import GATEWAY_PORT, SERVICES

RUN_DIR = "/tmp/nginx"  # noqa: S108 - inside the gateway container, owned by its user
_UPSTREAM = re.compile(r"(upstream pakt_(\w+) \{\s*server )127\.0\.0\.1:")


def container_conf(conf: str, hosts: dict[str, str]) -> str:
    """`conf` with each `upstream pakt_<svc>` pointing at `hosts[svc]` instead of 127.0.0.1."""
    seen: set[str] = set()

    def host(match: re.Match[str]) -> str:
        seen.add(match.group(2))
        return f"{match.group(1)}{hosts[match.group(2)]}:"

    out = _UPSTREAM.sub(host, conf)
    if seen != set(hosts):
        raise SystemExit(f"gateway template upstreams {sorted(seen)} != services {sorted(hosts)}")
    return out


def render_site(out: Path, site_root: str, upstream_host: str | None = None) -> Path:
    """Writes the gateway site into `out`; returns the path of its nginx.conf."""
    out.mkdir(parents=True, exist_ok=True)
    ports = {"gateway": GATEWAY_PORT, **{spec.name: spec.port for spec in SERVICES}}
    hosts = {spec.name: upstream_host or spec.name for spec in SERVICES}
    config = GatewayConfig(
        listen_host="0.0.0.0",  # noqa: S104 - the container's only interface is its own
        cors_origins=cors_origins_from_env(os.environ.get("PAKT_CORS_ORIGINS")),
        public_base_url=os.environ.get("PAKT_PUBLIC_URL") or None,
        extra={
            "user_directive": "",
            "run_dir": RUN_DIR,
            "mime_types": "/etc/nginx/mime.types",
            "openapi_file": f"{site_root}/openapi.yaml",
            "docs_dir": f"{site_root}/docs",
            "swagger_ui_dir": f"{site_root}/swagger-ui",
            "problems_root": site_root,
        },
    )
    with tempfile.TemporaryDirectory() as tmp:
        rendered = render(Path(tmp), ports, config)
        conf = container_conf(rendered.read_text(), hosts)
        contract = Path(tmp) / "openapi.yaml"
        committed = Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml"
        shutil.copyfile(committed if committed.exists() else contract, out / "openapi.yaml")
        shutil.copytree(Path(tmp) / "problems", out / "problems", dirs_exist_ok=True)
    gateway_dir = Path(__file__).resolve().parent / "gateway"
    shutil.copytree(gateway_dir / "docs", out / "docs", dirs_exist_ok=True)
    shutil.copytree(swagger_ui_dir(), out / "swagger-ui", dirs_exist_ok=True)
    target = out / "nginx.conf"
    target.write_text(conf)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--site-root", default="/srv/pakt")
    parser.add_argument("--upstream-host", default=None)
    args = parser.parse_args(argv)
    conf = render_site(args.out, args.site_root, args.upstream_host)
    sys.stdout.write(f"{conf}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
