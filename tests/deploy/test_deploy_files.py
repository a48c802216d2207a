"""`make deploy-check`: the committed deploy files pass every check (see the sibling modules)."""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.render_gateway import render_site
from services.cli.gateway import find_nginx
from services.tooling import config_catalog
from tests.deploy import ingress, kube
from tests.deploy.compose import compose_problems
from tests.deploy.dockerfile import (
    entrypoint_problems,
    hadolint_problems,
    shellcheck_problems,
    structure_problems,
)

ROOT = kube.ROOT
OVERLAYS = sorted(kube.OVERLAYS)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_object_validates_against_its_schema(rendered, overlay):
    assert kube.schema_problems(rendered[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_services_match_the_catalog_and_shut_down_gracefully(rendered, overlay):
    assert kube.service_problems(rendered[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_pod_meets_the_restricted_pod_security_standard(rendered, overlay):
    assert kube.pod_security_problems(rendered[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_service_has_a_replicated_backed_up_database(rendered, overlay):
    assert kube.database_problems(rendered[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_database_connections_suffice_at_the_autoscalers_maximum(rendered, overlay):
    assert kube.connection_problems(rendered[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_policies_let_only_the_intended_traffic_through(rendered, overlay):
    assert kube.network_problems(rendered[overlay]) == []


def test_base_ingress_reproduces_the_gateway(rendered, gateway):
    origins = ", ".join(gateway.cors_origins)
    assert ingress.ingress_problems(rendered["base"], gateway, origins) == []


def test_production_ingress_reproduces_the_gateway_on_its_host_with_tls(rendered, gateway):
    objects = rendered["production"]
    assert ingress.ingress_problems(objects, gateway) == []
    for obj in (o for o in objects if o["kind"] == "Ingress"):
        assert obj["spec"]["tls"][0]["secretName"] == "pakt-tls"
        assert obj["spec"]["rules"][0]["host"] == obj["spec"]["tls"][0]["hosts"][0]


def test_production_uses_registry_images_and_production_settings(rendered):
    objects = rendered["production"]
    images = {
        c["image"]
        for o in objects
        if o["kind"] in ("Deployment", "Job")
        for c in o["spec"]["template"]["spec"]["containers"]
    }
    assert images, "no containers rendered"
    assert all(re.match(r"^registry\.example\.org/pakt/pakt-\w+:\d+\.\d+\.\d+$", i) for i in images)
    config = next(
        o
        for o in objects
        if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("cases-config")
    )
    assert config["data"]["CASES_ENVIRONMENT"] == "production"
    assert config["data"]["CASES_JWT_ISSUER"].startswith("https://")


def test_compose_matches_the_project():
    assert compose_problems(ROOT / "deploy" / "compose.yaml") == []


def test_env_examples_hold_placeholders_only():
    examples = sorted((ROOT / "deploy" / "env").glob("*.env.example"))
    assert {p.name for p in examples} >= {
        "auth.env.example",
        "cases.env.example",
        "funding.env.example",
        "postgres.env.example",
    }
    for example in examples:
        for line in example.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                assert "CHANGE_ME" in line, (
                    f"{example.name}: {line!r} holds a value, not a placeholder"
                )


def test_dockerfile_passes_hadolint():
    assert hadolint_problems(ROOT / "deploy" / "Dockerfile") == []


def test_dockerfile_structure():
    assert structure_problems(ROOT / "deploy" / "Dockerfile", ROOT) == []


def test_entrypoint_serves_each_service_on_its_port():
    assert entrypoint_problems(ROOT / "deploy" / "docker" / "entrypoint.sh") == []


def test_shell_scripts_pass_shellcheck():
    scripts = [
        ROOT / "deploy" / "docker" / "entrypoint.sh",
        ROOT / "deploy" / "compose" / "postgres-init.sh",
    ]
    assert shellcheck_problems(*scripts) == []


def test_entrypoint_refuses_an_unknown_process():
    out = subprocess.run(  # noqa: S603
        ["/bin/sh", str(ROOT / "deploy" / "docker" / "entrypoint.sh"), "billing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 64
    assert "usage" in out.stderr


def test_readme_configuration_table_is_the_catalog():
    readme = (ROOT / "README.md").read_text()
    table = config_catalog.readme_table(readme)
    assert table is not None, "README lacks the config-table markers"
    assert table == config_catalog.markdown_table(), (
        "README configuration table is stale: run"
        " `.venv/bin/python -m services.tooling.config_catalog --write-readme README.md`"
    )


def test_catalog_lists_every_setting_of_every_service():
    rows = config_catalog.catalog()
    for spec in config_catalog.SERVICES:
        fields = set(spec.settings_class().model_fields)
        assert {r.field for r in rows if r.service == spec.name} == fields
    assert all(r.meaning for r in rows)
    assert (
        next(r for r in rows if r.env == "AUTH_JWKS_URL").meaning
        == config_catalog.MEANINGS["jwks_url"]
    )
    assert next(r for r in rows if r.env == "CASES_DATABASE_URL").secret


def test_gateway_renders_for_containers_and_nginx_accepts_it(tmp_path):
    conf = render_site(tmp_path / "site", str(tmp_path / "site"), upstream_host="127.0.0.1")
    text = conf.read_text()
    assert "listen 0.0.0.0:8080;" in text
    for name in ("openapi.yaml", "docs/index.html", "swagger-ui"):
        assert (tmp_path / "site" / name).exists()
    Path("/tmp/nginx/tmp").mkdir(parents=True, exist_ok=True)  # noqa: S108 - the conf's run dir
    out = subprocess.run(  # noqa: S603
        [find_nginx(), "-t", "-q", "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_gateway_for_compose_proxies_to_the_service_hosts(tmp_path):
    text = render_site(tmp_path, "/srv/pakt").read_text()
    for spec in config_catalog.SERVICES:
        assert f"server {spec.name}:{spec.port} " in text
    assert not re.search(r"server 127\.0\.0\.1:", text)
    assert "alias /srv/pakt/docs/index.html;" in text


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path.endswith("/readyz") else 503)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Quiet: the test reads the requests, not the server's log."""


@pytest.fixture
def local_server() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _healthcheck(*args: str) -> int:
    script = ROOT / "deploy" / "docker" / "healthcheck.py"
    return subprocess.run([sys.executable, str(script), *args], check=False).returncode  # noqa: S603


def test_container_healthcheck_follows_the_readiness_endpoint(local_server):
    assert _healthcheck(f"http://127.0.0.1:{local_server}/cases/readyz") == 0
    assert _healthcheck(f"http://127.0.0.1:{local_server}/cases/other") == 1
    assert _healthcheck("http://127.0.0.1:9/cases/readyz") == 1
    assert _healthcheck("http://example.org/cases/readyz") == 2


@pytest.fixture
def stub_path(tmp_path) -> dict[str, str]:
    """PATH with recording stand-ins for `uvicorn` and `pakt` (what the image would exec)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("uvicorn", "pakt"):
        stub = bin_dir / name
        stub.write_text(
            f'#!/bin/sh\necho "{name} $* DATABASE_URL=${{DATABASE_URL:-}}" > "$STUB_OUT"\n'
        )
        stub.chmod(0o755)
    return {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "STUB_OUT": str(tmp_path / "argv"),
        "PAKT_HEALTH_URL_FILE": str(tmp_path / "health-url"),
    }


def _entrypoint(env: dict[str, str], *args: str) -> str:
    script = ROOT / "deploy" / "docker" / "entrypoint.sh"
    subprocess.run(["/bin/sh", str(script), *args], env=env, check=True)  # noqa: S603
    return Path(env["STUB_OUT"]).read_text().strip()


@pytest.mark.parametrize("spec", config_catalog.SERVICES, ids=lambda s: s.name)
def test_entrypoint_runs_the_service_with_graceful_shutdown(stub_path, spec):
    argv = _entrypoint(stub_path, spec.name)
    assert argv.startswith(
        f"uvicorn --factory {spec.app_factory} --host 0.0.0.0 --port {spec.port} "
    )
    assert f"--timeout-graceful-shutdown {kube.uvicorn_grace_seconds()}" in argv
    health_url = Path(stub_path["PAKT_HEALTH_URL_FILE"]).read_text().strip()
    assert health_url == f"http://127.0.0.1:{spec.port}{spec.ready_path}"


def test_entrypoint_migrate_names_a_server_for_the_cli(stub_path):
    env = {**stub_path, "AUTH_DATABASE_URL": "postgresql://a@db/pakt_auth"}
    assert _entrypoint(env, "migrate") == "pakt db migrate DATABASE_URL=postgresql://a@db/pakt_auth"
    env["DATABASE_URL"] = "postgresql://s@server/postgres"
    assert (
        _entrypoint(env, "migrate") == "pakt db migrate DATABASE_URL=postgresql://s@server/postgres"
    )


def test_container_healthcheck_without_argument_asks_what_the_entrypoint_wrote(
    local_server, tmp_path
):
    script = ROOT / "deploy" / "docker" / "healthcheck.py"
    state = tmp_path / "health-url"
    env = {"PATH": "/usr/bin:/bin", "PAKT_HEALTH_URL_FILE": str(state)}

    def run() -> int:
        return subprocess.run([sys.executable, str(script)], env=env, check=False).returncode  # noqa: S603

    assert run() == 0  # no server in this container (the migration job)
    state.write_text(f"http://127.0.0.1:{local_server}/auth/readyz\n")
    assert run() == 0
    state.write_text(f"http://127.0.0.1:{local_server}/auth/healthz-not-ready\n")
    assert run() == 1
