"""nginx in front of the services, rendered from deploy/gateway by services.cli.gateway.

Rate limits are raised far above what one load generator can send: the row measures what the
proxy hop costs, not the limiter (which would answer 429 past 200 r/s per address).
"""

from __future__ import annotations

from pathlib import Path

from bench.procs import Proc, free_port, spawn

_MINIMAL = """
worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log {run_dir}/access.log;
    client_body_temp_path {run_dir}/tmp/body;
    proxy_temp_path {run_dir}/tmp/proxy;
    upstream pakt_cases {{ server 127.0.0.1:{cases_port}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{gateway_port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        location /cases/ {{ proxy_pass http://pakt_cases; }}
    }}
}}
"""


def _render(run_dir: Path, ports: dict[str, int]) -> tuple[str, Path, str]:
    """(nginx binary, config file, which config) — the project's if it renders, else minimal."""
    try:
        from services.cli.gateway import GatewayConfig, check, find_nginx, render

        nginx = find_nginx(install=False)
        config = GatewayConfig(api_rate=1_000_000, api_burst=1_000_000, token_rate=60_000_000)
        conf = render(run_dir, ports, config)
        check(nginx, run_dir, conf)
        return nginx, conf, "deploy/gateway template"
    except Exception as exc:  # the gateway module is young; a minimal proxy still measures the hop
        print(
            f"  gateway template not usable ({exc.__class__.__name__}: {exc}); minimal nginx config"
        )
        for sub in ("body", "proxy"):
            (run_dir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        conf = run_dir / "nginx.conf"
        conf.write_text(
            _MINIMAL.format(run_dir=run_dir, **{f"{k}_port": v for k, v in ports.items()})
        )
        return "nginx", conf, "minimal config"


def start_gateway(log_dir: Path, ports: dict[str, int]) -> tuple[Proc, str]:
    """nginx on a free port proxying to the given service ports; returns it and which config."""
    run_dir = log_dir / "gateway"
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = {"auth": free_port(), "funding": free_port(), **ports, "gateway": free_port()}
    nginx, conf, which = _render(run_dir, ports)
    args = [nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")]
    if "daemon off" not in conf.read_text():
        args += ["-g", "daemon off;"]
    return spawn("nginx", args, {}, log_dir, ports["gateway"]), which
