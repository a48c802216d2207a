"""The Kubernetes checks fail on manifests with the mistakes they exist for.

Deep copies of the rendered base overlay, each broken in one way: a check that passed these
would be no check.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.deploy import ingress, kube

ROOT = kube.ROOT
Objs = list[dict[str, Any]]


def _find(objects: Objs, kind: str, name: str) -> dict[str, Any]:
    found = kube.find(objects, kind, name)
    assert found is not None, f"{kind}/{name} not rendered"
    return found


@pytest.fixture
def base(rendered) -> Objs:
    return copy.deepcopy(rendered["base"])


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


def test_pools_exceeding_max_connections_are_caught(base):
    _find(base, "HorizontalPodAutoscaler", "funding")["spec"]["maxReplicas"] = 50
    problems = kube.connection_problems(base)
    assert len(problems) == 1
    assert problems[0].startswith("funding: 50 pods x pool")


def test_connections_per_process_follow_the_engine():
    assert kube.connections_per_process(20) > 20  # the pool plus some overflow
    assert kube.connections_per_process(12) < kube.connections_per_process(20)


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
