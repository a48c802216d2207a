"""Each deploy check fails on a file with the kind of mistake it exists for.

Small synthetic variants of the real files (in tmp_path, or deep copies of the rendered
objects): a check that passed these would be no check.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from services.common import config_catalog
from tests.deploy import ingress, kube
from tests.deploy.compose import compose_problems, interpolate
from tests.deploy.dockerfile import (
    entrypoint_problems,
    hadolint_problems,
    shellcheck_problems,
    structure_problems,
)

ROOT = kube.ROOT
Objs = list[dict[str, Any]]


def _find(objects: Objs, kind: str, name: str) -> dict[str, Any]:
    found = kube.find(objects, kind, name)
    assert found is not None, f"{kind}/{name} not rendered"
    return found


@pytest.fixture
def base(rendered) -> Objs:
    return copy.deepcopy(rendered["base"])


# ---- compose ----


@pytest.fixture
def compose_copy(tmp_path) -> tuple[Path, dict[str, Any]]:
    shutil.copytree(ROOT / "deploy" / "env", tmp_path / "env")
    return tmp_path / "compose.yaml", yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())


def _compose(path: Path, doc: dict[str, Any]) -> list[str]:
    path.write_text(yaml.safe_dump(doc))
    return compose_problems(path)


def test_compose_misspelled_variable_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["environment"]["CASES_JWKS_ULR"] = "http://auth:8001/x"
    assert any("CASES_JWKS_ULR is not a setting of cases" in p for p in _compose(path, doc))


def test_compose_variable_of_another_service_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["environment"]["CASES_LOG_LEVEL"] = "DEBUG"
    assert any("CASES_LOG_LEVEL is not a setting of auth" in p for p in _compose(path, doc))


def test_compose_misspelled_variable_in_env_example_is_caught(compose_copy):
    path, doc = compose_copy
    example = path.parent / "env" / "funding.env.example"
    example.write_text(example.read_text() + "FUNDING_DATABSE_URL=CHANGE_ME\n")
    assert any("FUNDING_DATABSE_URL" in p for p in _compose(path, doc))


def test_compose_wrong_health_path_is_caught(compose_copy):
    path, doc = compose_copy
    test = doc["services"]["funding"]["healthcheck"]["test"]
    doc["services"]["funding"]["healthcheck"]["test"] = [
        t.replace("/funding/readyz", "/funding/health") for t in test
    ]
    assert any("health check" in p and "funding" in p for p in _compose(path, doc))


def test_compose_health_check_on_another_port_is_caught(compose_copy):
    path, doc = compose_copy
    test = doc["services"]["cases"]["healthcheck"]["test"]
    doc["services"]["cases"]["healthcheck"]["test"] = [t.replace(":8002", ":8001") for t in test]
    assert any("compose service cases: health check" in p for p in _compose(path, doc))


def test_compose_wrong_port_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["expose"] = ["8000"]
    assert any("exposes [8000]" in p for p in _compose(path, doc))


def test_compose_secret_written_into_the_file_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["environment"]["AUTH_KEY_ENCRYPTION_KEY"] = "hunter2"
    assert any("AUTH_KEY_ENCRYPTION_KEY belongs in an env file" in p for p in _compose(path, doc))


def test_compose_env_file_without_example_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["env_file"] = ["env/cases-prod.env"]
    assert any("has no committed cases-prod.env.example" in p for p in _compose(path, doc))


def test_compose_missing_service_and_short_grace_are_caught(compose_copy):
    path, doc = compose_copy
    del doc["services"]["migrate"]
    doc["services"]["cases"]["stop_grace_period"] = "5s"
    problems = _compose(path, doc)
    assert any(p.startswith("services are") for p in problems)
    assert any("stop_grace_period" in p for p in problems)


def test_compose_misspelled_key_fails_the_compose_specification(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["stop_grace_periode"] = doc["services"]["cases"].pop(
        "stop_grace_period"
    )
    problems = _compose(path, doc)
    assert any(
        p.startswith("not a valid Compose file") and "stop_grace_periode" in p for p in problems
    )


def test_compose_wrong_dependency_condition_fails_the_compose_specification(compose_copy):
    path, doc = compose_copy
    doc["services"]["gateway"]["depends_on"]["auth"]["condition"] = "service_ready"
    assert any("unknown variant `service_ready`" in p for p in _compose(path, doc))


def test_compose_variables_are_interpolated_like_compose():
    text = "a: ${X:-one}\nb: ${Y}\nc: ${Z-two}\n"
    assert interpolate(text) == "a: one\nb: \nc: two\n"
    assert interpolate(text, {"X": "set", "Y": "y"}) == "a: set\nb: y\nc: two\n"


def test_compose_that_is_not_yaml_is_reported(tmp_path):
    path = tmp_path / "compose.yaml"
    path.write_text("services: [unclosed\n")
    assert compose_problems(path)[0].startswith(f"{path}: not YAML")


# ---- Kubernetes: schemas ----


def test_unknown_field_in_a_deployment_fails_the_kubernetes_schema(base):
    deployment = _find(base, "Deployment", "cases")
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    assert any("Deployment/cases" in p for p in kube.schema_problems([deployment]))


def test_wrong_type_fails_the_kubernetes_schema(base):
    hpa = _find(base, "HorizontalPodAutoscaler", "auth")
    hpa["spec"]["minReplicas"] = "two"
    assert any("HorizontalPodAutoscaler/auth" in p for p in kube.schema_problems([hpa]))


def test_misspelled_cnpg_field_fails_our_cluster_schema(base):
    cluster = _find(base, "Cluster", "pakt-auth-db")
    synchronous = cluster["spec"]["postgresql"]["synchronous"]
    synchronous["methd"] = synchronous.pop("method")
    assert any("Cluster/pakt-auth-db" in p for p in kube.schema_problems([cluster]))


def test_bad_backup_schedule_fails_our_scheduledbackup_schema(base):
    backup = _find(base, "ScheduledBackup", "pakt-cases-db-nightly")
    backup["spec"]["schedule"] = "30 2 * * *"
    assert any("ScheduledBackup/pakt-cases-db-nightly" in p for p in kube.schema_problems([backup]))


# ---- Kubernetes: services ----


def test_wrong_probe_path_is_caught(base):
    container = _find(base, "Deployment", "funding")["spec"]["template"]["spec"]["containers"][0]
    container["readinessProbe"]["httpGet"]["path"] = "/funding/healthz"
    assert any("readinessProbe asks /funding/healthz" in p for p in kube.service_problems(base))


def test_misspelled_configmap_variable_is_caught(base):
    config = next(
        o
        for o in base
        if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("cases-config")
    )
    config["data"]["CASES_JWKS_URI"] = config["data"].pop("CASES_JWKS_URL")
    assert any("CASES_JWKS_URI is not a setting of cases" in p for p in kube.service_problems(base))


def test_secret_as_plain_value_is_caught(base):
    container = _find(base, "Deployment", "auth")["spec"]["template"]["spec"]["containers"][0]
    for env in container["env"]:
        if env["name"] == "AUTH_KEY_ENCRYPTION_KEY":
            env.pop("valueFrom")
            env["value"] = "hunter2"
    assert any(
        "AUTH_KEY_ENCRYPTION_KEY must be set from a Secret" in p
        for p in kube.service_problems(base)
    )


def test_secret_object_in_the_output_is_caught(base):
    base.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "leak"}, "data": {}})
    assert "Secret/leak: Secrets are referenced, never contained" in kube.service_problems(base)


def test_missing_autoscaler_and_short_grace_period_are_caught(base):
    base.remove(_find(base, "HorizontalPodAutoscaler", "cases"))
    _find(base, "Deployment", "auth")["spec"]["template"]["spec"][
        "terminationGracePeriodSeconds"
    ] = 15
    problems = kube.service_problems(base)
    assert any(p.startswith("HorizontalPodAutoscaler/cases") for p in problems)
    assert any("Deployment/auth: terminationGracePeriodSeconds 15" in p for p in problems)


def test_service_reading_another_services_database_is_caught(base):
    container = _find(base, "Deployment", "funding")["spec"]["template"]["spec"]["containers"][0]
    for env in container["env"]:
        if env["name"] == "FUNDING_DATABASE_URL":
            env["valueFrom"]["secretKeyRef"]["name"] = "pakt-cases-db-app"
    assert any("not its own cluster's Secret" in p for p in kube.service_problems(base))


def test_privileged_container_is_caught(base):
    job = _find(base, "Job", "pakt-migrate")
    job["spec"]["template"]["spec"]["containers"][0]["securityContext"] = {"privileged": True}
    problems = kube.pod_security_problems(base)
    assert "Job/pakt-migrate container migrate: allowPrivilegeEscalation must be false" in problems
    assert "Job/pakt-migrate container migrate: capabilities must drop ALL" in problems


def test_database_without_standby_or_schedule_is_caught(base):
    _find(base, "Cluster", "pakt-cases-db")["spec"]["instances"] = 1
    base.remove(_find(base, "ScheduledBackup", "pakt-funding-db-nightly"))
    problems = kube.database_problems(base)
    assert "Cluster/pakt-cases-db: instances must be 2 (a primary and one replica)" in problems
    assert "Cluster/pakt-funding-db: no ScheduledBackup through the Barman Cloud plugin" in problems


def test_database_archiving_into_a_missing_object_store_is_caught(base):
    base.remove(_find(base, "ObjectStore", "pakt-auth-backups"))
    problems = kube.database_problems(base)
    assert problems == ["Cluster/pakt-auth-db: no WAL archiving into an ObjectStore of the output"]


def test_object_store_without_destination_fails_our_schema(base):
    store = _find(base, "ObjectStore", "pakt-cases-backups")
    del store["spec"]["configuration"]["destinationPath"]
    assert any("ObjectStore/pakt-cases-backups" in p for p in kube.schema_problems([store]))


# ---- Kubernetes: network policies ----


def test_removing_a_service_policy_opens_it_to_everyone(base):
    base.remove(_find(base, "NetworkPolicy", "auth"))
    base.remove(_find(base, "NetworkPolicy", "default-deny-ingress"))
    problems = kube.network_problems(base)
    assert any(p.startswith("auth:8001 is reached by") and "stranger" in p for p in problems)


def test_service_allowed_into_another_database_is_caught(base):
    policy = _find(base, "NetworkPolicy", "pakt-cases-db")
    policy["spec"]["ingress"][0]["from"].append(
        {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "funding"}}}
    )
    egress = _find(base, "NetworkPolicy", "funding")["spec"]["egress"]
    egress.append({"to": [{"podSelector": {"matchLabels": {"cnpg.io/cluster": "pakt-cases-db"}}}]})
    assert any(
        p.startswith("pakt-cases-db:5432 is reached by") for p in kube.network_problems(base)
    )


def test_egress_rule_alone_does_not_open_a_database(base):
    egress = _find(base, "NetworkPolicy", "funding")["spec"]["egress"]
    egress.append({"to": [{"podSelector": {"matchLabels": {"cnpg.io/cluster": "pakt-cases-db"}}}]})
    assert kube.network_problems(base) == []


def test_missing_jwks_path_from_cases_to_auth_is_caught(base):
    egress = _find(base, "NetworkPolicy", "cases")["spec"]["egress"]
    egress[:] = [
        r
        for r in egress
        if r["to"][0].get("podSelector", {}).get("matchLabels")
        != {"app.kubernetes.io/name": "auth"}
    ]
    assert any(p.startswith("auth:8001 is reached by") for p in kube.network_problems(base))


# ---- Kubernetes: ingress against the gateway ----


def test_bulk_endpoint_with_the_small_body_limit_is_caught(base, gateway):
    annotations = _find(base, "Ingress", "pakt-bulk")["metadata"]["annotations"]
    annotations[ingress.ANN + "proxy-body-size"] = "2m"
    problems = ingress.ingress_problems(base, gateway)
    assert any(
        "case-imports: proxy-body-size is '2m', the gateway has '16m'" in p for p in problems
    )


def test_token_endpoint_without_its_own_rate_limit_is_caught(base, gateway):
    base.remove(_find(base, "Ingress", "pakt-token"))
    problems = ingress.ingress_problems(base, gateway)
    assert "route = /auth/v1/token: 0 Ingress paths (Exact) to auth" in problems


def test_token_rate_differing_from_the_gateway_is_caught(base, gateway):
    _find(base, "Ingress", "pakt-token")["metadata"]["annotations"][ingress.ANN + "limit-rps"] = (
        "50"
    )
    assert any("rate 3000/min" in p for p in ingress.ingress_problems(base, gateway))


def test_missing_security_header_is_caught(base, gateway):
    del _find(base, "ConfigMap", "pakt-response-headers")["data"]["X-Frame-Options"]
    assert any("X-Frame-Options" in p for p in ingress.ingress_problems(base, gateway))


def test_route_the_gateway_lacks_and_a_wrong_backend_are_caught(base, gateway):
    paths = _find(base, "Ingress", "pakt-api")["spec"]["rules"][0]["http"]["paths"]
    paths[1]["backend"]["service"]["name"] = "funding"  # /cases/ to funding
    paths.append({**copy.deepcopy(paths[0]), "path": "/admin/"})
    problems = ingress.ingress_problems(base, gateway)
    assert "route /cases/: 0 Ingress paths (Prefix) to cases" in problems
    assert any(p.startswith("Ingress path /admin/") for p in problems)


def test_docs_routes_must_reach_the_docs_pod(base, gateway):
    paths = _find(base, "Ingress", "pakt-docs")["spec"]["rules"][0]["http"]["paths"]
    paths[:] = [p for p in paths if p["path"] != "/docs"]
    problems = ingress.ingress_problems(base, gateway)
    assert "route = /docs: not routed to the docs pod" in problems
    assert "route /docs/: not routed to the docs pod" in problems
    assert "route = /openapi.yaml: not routed to the docs pod" not in problems


def test_cors_origins_other_than_the_gateways_are_caught(base, gateway):
    _find(base, "Ingress", "pakt-api")["metadata"]["annotations"][
        ingress.ANN + "cors-allow-origin"
    ] = "*"
    problems = ingress.ingress_problems(base, gateway, ", ".join(gateway.cors_origins))
    assert any("cors-allow-origin" in p for p in problems)


# ---- Dockerfile and entrypoint ----

BAD_DOCKERFILE = """\
FROM python:latest
RUN apt-get update && apt-get install -y gcc
COPY no-such-dir /app
USER root
CMD python -m http.server
"""


def test_structure_check_finds_unpinned_root_compiler_image(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(BAD_DOCKERFILE)
    problems = structure_problems(dockerfile, tmp_path)
    assert "stage 0: base python:latest is not a pinned version tag" in problems
    assert "final stage 0: must end as a non-root USER" in problems
    assert "final stage 0: no HEALTHCHECK" in problems
    assert any("installs a compiler" in p for p in problems)
    assert "stage 0: COPY source no-such-dir does not exist" in problems


def test_copy_of_a_dockerignored_path_is_caught(tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / ".dockerignore").write_text("**\n!pyproject.toml\n")
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM python:3.11.14-slim-bookworm\nCOPY services /app/services\n")
    assert "stage 0: COPY source services is in .dockerignore" in structure_problems(
        dockerfile, tmp_path
    )


def test_hadolint_runs_and_reports(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(BAD_DOCKERFILE)
    problems = hadolint_problems(dockerfile)
    assert any("DL3007" in p for p in problems)  # the `latest` tag
    assert any("DL3008" in p or "DL3015" in p for p in problems)  # unpinned apt packages


def test_shellcheck_runs_and_reports(tmp_path):
    script = tmp_path / "bad.sh"
    script.write_text("#!/bin/sh\nrm -rf $TARGET/*\n")
    assert any("SC2086" in p for p in shellcheck_problems(script))  # unquoted variable


def test_entrypoint_with_a_wrong_port_is_caught(tmp_path):
    text = (ROOT / "deploy" / "docker" / "entrypoint.sh").read_text()
    broken = tmp_path / "entrypoint.sh"
    broken.write_text(text.replace("cases) serve cases 8002 ;;", "cases) serve cases 8020 ;;"))
    assert entrypoint_problems(broken) == ["entrypoint.sh: cases is not served on port 8002"]


# ---- README table ----


def test_stale_readme_table_is_detected_and_rewritten():
    readme = (ROOT / "README.md").read_text()
    stale = readme.replace(
        "| `CASES_LOG_LEVEL` | cases | `INFO` |", "| `CASES_LOG_LEVEL` | cases | `DEBUG` |"
    )
    assert stale != readme
    assert config_catalog.readme_table(stale) != config_catalog.markdown_table()
    assert (
        config_catalog.readme_table(config_catalog.with_table(stale))
        == config_catalog.markdown_table()
    )
