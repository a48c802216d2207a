"""Checks of the rendered Kubernetes manifests: schemas, services, databases, ingress, policies.

Each `*_problems` function returns a list of human-readable problems; empty means fine. The
tests run them on the real overlays and on broken copies, so each check is shown to bite.
"""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import kubernetes_validate  # type: ignore[import-untyped]
import yaml
from sqlalchemy.pool import QueuePool

from services.cli.worker import POOL_SIZE as WORKER_POOL_SIZE
from services.common.db import make_engine
from services.tooling.config_catalog import SERVICES, ServiceSpec, settings_of
from tests.deploy.netpol import Pod, allowed, matches

Obj = dict[str, Any]
ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
OVERLAYS = {
    "base": DEPLOY / "k8s" / "base",
    "production": DEPLOY / "k8s" / "overlays" / "production",
}
SCHEMAS = DEPLOY / "k8s" / "schemas"
K8S_VERSION = "1.33.0"
ENTRYPOINT = DEPLOY / "docker" / "entrypoint.sh"
# Who calls whom (DESIGN.md): cases and funding fetch auth's JWKS; funding reads cases.
CALLERS: dict[str, set[str]] = {
    "auth": {"cases", "funding"},
    "cases": {"funding"},
    "funding": set(),
}
INGRESS_CONTROLLER = Pod("ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"}, "ingress")
CNPG_GROUPS = ("postgresql.cnpg.io", "barmancloud.cnpg.io")
BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io"


def render(directory: Path) -> list[Obj]:
    """`kubectl kustomize directory`, parsed."""
    out = subprocess.run(  # noqa: S603
        ["kubectl", "kustomize", str(directory)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"kubectl kustomize {directory} failed:\n{out.stderr}")
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


def _name(obj: Obj) -> str:
    return f"{obj.get('kind')}/{obj.get('metadata', {}).get('name')}"


def find(objects: list[Obj], kind: str, name: str) -> Obj | None:
    return next(
        (o for o in objects if o.get("kind") == kind and o["metadata"]["name"] == name), None
    )


@cache
def _cnpg_schema(kind: str) -> Obj:
    path = SCHEMAS / f"cnpg-{kind.lower()}.schema.json"
    return dict(json.loads(path.read_text()))


def schema_problems(objects: list[Obj]) -> list[str]:
    """Built-in kinds against the Kubernetes schemas (strict); CloudNativePG kinds against ours."""
    problems = []
    for obj in objects:
        try:
            if str(obj.get("apiVersion", "")).split("/")[0] in CNPG_GROUPS:
                if not (SCHEMAS / f"cnpg-{str(obj['kind']).lower()}.schema.json").exists():
                    problems.append(f"{_name(obj)}: no schema for this CloudNativePG kind")
                    continue
                jsonschema.validate(obj, _cnpg_schema(obj["kind"]))
            else:
                kubernetes_validate.validate(obj, K8S_VERSION, strict=True)
        except jsonschema.ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path)
            problems.append(f"{_name(obj)}: {where}: {exc.message}")
        except kubernetes_validate.ValidationError as exc:
            where = "/".join(str(p) for p in exc.path)
            problems.append(f"{_name(obj)}: {where}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError:
            problems.append(f"{_name(obj)}: no Kubernetes {K8S_VERSION} schema for this kind")
    return problems


def uvicorn_grace_seconds(entrypoint: Path = ENTRYPOINT) -> int:
    text = entrypoint.read_text()
    grace = re.search(r"^GRACE=(\d+)$", text, re.M)
    if grace is None or '--timeout-graceful-shutdown "$GRACE"' not in text:
        raise ValueError(f"{entrypoint}: uvicorn runs without --timeout-graceful-shutdown")
    return int(grace.group(1))


def _env_names(objects: list[Obj], container: Obj) -> dict[str, Obj]:
    """Every variable a container gets: its `env` and the keys of ConfigMaps in `envFrom`."""
    names: dict[str, Obj] = {e["name"]: e for e in container.get("env") or []}
    for source in container.get("envFrom") or []:
        ref = source.get("configMapRef")
        if ref is None:
            names.update({"<secretRef>": source})
            continue
        config_map = find(objects, "ConfigMap", ref["name"])
        if config_map is None:
            names["<missing ConfigMap " + ref["name"] + ">"] = source
            continue
        names.update({key: {"name": key, "value": v} for key, v in config_map["data"].items()})
    return names


def _prestop_seconds(container: Obj) -> int:
    pre = container.get("lifecycle", {}).get("preStop", {})
    if "sleep" in pre:
        return int(pre["sleep"]["seconds"])
    command = pre.get("exec", {}).get("command", [])
    return int(command[1]) if len(command) == 2 and command[0] == "sleep" else 0


def _probe_path(container: Obj, probe: str) -> str | None:
    path = container.get(probe, {}).get("httpGet", {}).get("path")
    return None if path is None else str(path)


def _container_problems(container: Obj, spec: ServiceSpec, where: str) -> list[str]:
    """Args, port, probes and resources of a service's container."""
    problems = []
    if container.get("args") != [spec.name]:
        problems.append(f"{where}: args {container.get('args')} do not start {spec.name}")
    ports = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}
    if ports.get("http") != spec.port:
        problems.append(f"{where}: port http is {ports.get('http')}, the service uses {spec.port}")
    for probe, path in (("readinessProbe", spec.ready_path), ("livenessProbe", spec.health_path)):
        if _probe_path(container, probe) != path:
            problems.append(f"{where}: {probe} asks {_probe_path(container, probe)}, not {path}")
    resources = container.get("resources", {})
    for part in ("requests", "limits"):
        if not {"cpu", "memory"} <= set(resources.get(part, {})):
            problems.append(f"{where}: resources.{part} needs cpu and memory")
    return problems


def _env_problems(objects: list[Obj], container: Obj, spec: ServiceSpec, where: str) -> list[str]:
    """Variables against the settings catalog; secrets from Secrets, the database its own."""
    settings = {s.env: s for s in settings_of(spec)}
    env = _env_names(objects, container)
    problems = [
        f"{where}: {name} is not a setting of {spec.name}"
        for name in sorted(set(env) - set(settings))
    ]
    for setting in settings.values():
        given = env.get(setting.env)
        if setting.required and given is None:
            problems.append(f"{where}: required setting {setting.env} is not set")
        if setting.secret and "secretKeyRef" not in (given or {}).get("valueFrom", {}):
            problems.append(f"{where}: secret {setting.env} must be set from a Secret")
    db_url = env.get(f"{spec.name.upper()}_DATABASE_URL", {})
    secret = db_url.get("valueFrom", {}).get("secretKeyRef", {}).get("name")
    if secret != f"pakt-{spec.name}-db-app":
        problems.append(f"{where}: database URL from {secret}, not its own cluster's Secret")
    return problems


def _companion_problems(objects: list[Obj], spec: ServiceSpec, labels: dict[str, str]) -> list[str]:
    """The Service, HorizontalPodAutoscaler and PodDisruptionBudget of a service's pods."""
    problems = []
    service = find(objects, "Service", spec.name)
    if service is None or not matches({"matchLabels": service["spec"]["selector"]}, labels):
        problems.append(f"Service/{spec.name}: missing or does not select the pods")
    elif [p["port"] for p in service["spec"]["ports"]] != [spec.port]:
        problems.append(f"Service/{spec.name}: port is not {spec.port}")
    hpa = find(objects, "HorizontalPodAutoscaler", spec.name)
    if hpa is None or hpa["spec"]["scaleTargetRef"]["name"] != spec.name:
        problems.append(f"HorizontalPodAutoscaler/{spec.name}: missing or scales something else")
    elif hpa["spec"].get("minReplicas", 1) < 2:
        problems.append(f"HorizontalPodAutoscaler/{spec.name}: minReplicas below 2")
    pdb = find(objects, "PodDisruptionBudget", spec.name)
    if pdb is None or not matches(pdb["spec"]["selector"], labels):
        problems.append(f"PodDisruptionBudget/{spec.name}: missing or does not select the pods")
    return problems


def _service_problems(objects: list[Obj], spec: ServiceSpec, grace: int) -> list[str]:
    dep = find(objects, "Deployment", spec.name)
    if dep is None:
        return [f"no Deployment {spec.name}"]
    pod = dep["spec"]["template"]
    container = pod["spec"]["containers"][0]
    where = f"Deployment/{spec.name}"
    problems = _container_problems(container, spec, where)
    problems += _env_problems(objects, container, spec, where)
    period = pod["spec"].get("terminationGracePeriodSeconds", 30)
    sleep = _prestop_seconds(container)
    if period < sleep + grace + 5 or sleep < 5:
        problems.append(
            f"{where}: terminationGracePeriodSeconds {period} does not cover preStop sleep"
            f" ({sleep} s, at least 5) + uvicorn's {grace} s + 5 s"
        )
    if not pod["spec"].get("securityContext", {}).get("runAsNonRoot"):
        problems.append(f"{where}: pods must run as non-root")
    return problems + _companion_problems(objects, spec, pod["metadata"]["labels"])


def service_problems(objects: list[Obj]) -> list[str]:
    """Deployment, Service, HPA and PDB per service, consistent with the settings catalog."""
    grace = uvicorn_grace_seconds()
    problems = [p for spec in SERVICES for p in _service_problems(objects, spec, grace)]
    problems += [
        f"{_name(o)}: Secrets are referenced, never contained"
        for o in objects
        if o.get("kind") == "Secret"
    ]
    jobs = [
        o
        for o in objects
        if o.get("kind") == "Job"
        and o["spec"]["template"]["spec"]["containers"][0].get("args") == ["migrate"]
    ]
    if len(jobs) != 1:
        return [*problems, "there must be exactly one migration Job (args: [migrate])"]
    env = {
        e["name"]: e for e in jobs[0]["spec"]["template"]["spec"]["containers"][0].get("env", [])
    }
    for spec in SERVICES:
        ref = env.get(f"{spec.name.upper()}_DATABASE_URL", {}).get("valueFrom", {})
        if ref.get("secretKeyRef", {}).get("name") != f"pakt-{spec.name}-db-app":
            problems.append(f"{_name(jobs[0])}: no database URL of {spec.name} from its Secret")
    return problems


def pod_security_problems(objects: list[Obj]) -> list[str]:
    """Every pod we define meets the "restricted" Pod Security Standard the namespace enforces,
    with a read-only root filesystem on top."""
    problems = []
    for obj in (o for o in objects if o.get("kind") in ("Deployment", "Job")):
        pod = obj["spec"]["template"]["spec"]
        pod_ctx = pod.get("securityContext", {})
        for container in pod["containers"] + pod.get("initContainers", []):
            ctx = container.get("securityContext", {})
            where = f"{_name(obj)} container {container['name']}"
            if not (ctx.get("runAsNonRoot") or pod_ctx.get("runAsNonRoot")):
                problems.append(f"{where}: runAsNonRoot is not set")
            seccomp = ctx.get("seccompProfile") or pod_ctx.get("seccompProfile") or {}
            if seccomp.get("type") not in ("RuntimeDefault", "Localhost"):
                problems.append(f"{where}: no RuntimeDefault seccomp profile")
            if ctx.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: allowPrivilegeEscalation must be false")
            if ctx.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{where}: capabilities must drop ALL")
            if ctx.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where}: root filesystem must be read-only")
    namespaces = [o for o in objects if o.get("kind") == "Namespace"]
    for ns in namespaces:
        labels = ns["metadata"].get("labels", {})
        if labels.get("pod-security.kubernetes.io/enforce") != "restricted":
            problems.append(f"{_name(ns)}: does not enforce the restricted Pod Security Standard")
    return problems


def database_problems(objects: list[Obj]) -> list[str]:
    """One CloudNativePG Cluster per service: a synchronous standby, backups, a schedule."""
    problems = []
    for spec in SERVICES:
        name = f"pakt-{spec.name}-db"
        cluster = find(objects, "Cluster", name)
        if cluster is None:
            problems.append(f"no Cluster {name}")
            continue
        body = cluster["spec"]
        if body.get("instances") != 2:
            problems.append(f"Cluster/{name}: instances must be 2 (a primary and one replica)")
        if body.get("postgresql", {}).get("synchronous", {}).get("number", 0) < 1:
            problems.append(f"Cluster/{name}: replication is not synchronous")
        if body.get("bootstrap", {}).get("initdb", {}).get("database") != f"pakt_{spec.name}":
            problems.append(f"Cluster/{name}: database is not pakt_{spec.name}")
        archivers = [
            p
            for p in body.get("plugins", [])
            if p.get("name") == BARMAN_PLUGIN and p.get("isWALArchiver")
        ]
        store = archivers[0].get("parameters", {}).get("barmanObjectName") if archivers else None
        if store is None or find(objects, "ObjectStore", store) is None:
            problems.append(f"Cluster/{name}: no WAL archiving into an ObjectStore of the output")
        schedules = [
            o
            for o in objects
            if o.get("kind") == "ScheduledBackup"
            and o["spec"]["cluster"]["name"] == name
            and o["spec"].get("method") == "plugin"
            and o["spec"].get("pluginConfiguration", {}).get("name") == BARMAN_PLUGIN
        ]
        if not schedules:
            problems.append(f"Cluster/{name}: no ScheduledBackup through the Barman Cloud plugin")
    return problems


RESERVED_CONNECTIONS = 10  # superuser, the operator, replication, the migration job


def connections_per_process(pool_size: int) -> int:
    """What one process may open: the engine's pool plus its overflow, as services/common/db.py
    builds it (an engine is made, never connected)."""
    engine = make_engine("postgresql+asyncpg://x@db/x", app_name="check", pool_size=pool_size)
    pool = engine.sync_engine.pool
    if not isinstance(pool, QueuePool):
        raise TypeError(f"unexpected pool {type(pool).__name__}")
    return pool.size() + pool._max_overflow


def connection_problems(objects: list[Obj]) -> list[str]:
    """At the autoscaler's maximum, every pod's pool with its overflow still fits the
    database's max_connections."""
    problems = []
    for spec in SERVICES:
        dep, hpa = (
            find(objects, "Deployment", spec.name),
            find(objects, "HorizontalPodAutoscaler", spec.name),
        )
        cluster = find(objects, "Cluster", f"pakt-{spec.name}-db")
        if dep is None or hpa is None or cluster is None:
            continue  # reported by the other checks
        container = dep["spec"]["template"]["spec"]["containers"][0]
        env = _env_names(objects, container)
        default = next(s.default for s in settings_of(spec) if s.field == "db_pool_size")
        pool = int(env.get(f"{spec.name.upper()}_DB_POOL_SIZE", {}).get("value", default))
        needed = hpa["spec"]["maxReplicas"] * connections_per_process(pool) + RESERVED_CONNECTIONS
        worker = find(objects, "Deployment", f"webhooks-{spec.name}")  # `pakt worker <service>`
        if worker is not None:
            needed += worker["spec"].get("replicas", 1) * connections_per_process(WORKER_POOL_SIZE)
        params = cluster["spec"].get("postgresql", {}).get("parameters", {})
        limit = int(params.get("max_connections", "100"))
        if needed > limit:
            problems.append(
                f"{spec.name}: {hpa['spec']['maxReplicas']} pods x pool {pool} with overflow"
                f" + {RESERVED_CONNECTIONS} = {needed} connections > max_connections {limit}"
            )
    return problems


def _pods(objects: list[Obj]) -> list[Pod]:
    pods = []
    for obj in objects:
        ns = obj.get("metadata", {}).get("namespace", "default")
        if obj.get("kind") in ("Deployment", "Job"):
            labels = obj["spec"]["template"]["metadata"]["labels"]
            pods.append(Pod(ns, dict(labels), obj["metadata"]["name"]))
        elif obj.get("kind") == "Cluster":
            name = obj["metadata"]["name"]
            pods.append(Pod(ns, {"cnpg.io/cluster": name, "cnpg.io/instanceRole": "primary"}, name))
    return pods


def network_problems(objects: list[Obj]) -> list[str]:
    """Only the ingress reaches the services; each service reaches only its own database."""
    pods = {pod.name: pod for pod in _pods(objects)}
    namespace = next(iter(pods.values())).namespace if pods else "default"
    strangers = [
        Pod("default", {"app": "stranger"}, "stranger (other namespace)"),
        Pod(namespace, {"app": "debug"}, "debug pod (same namespace)"),
    ]
    sources = [INGRESS_CONTROLLER, *strangers, *(p for p in pods.values())]
    problems = []
    targets = [(spec.name, spec.port, {"ingress"} | CALLERS[spec.name]) for spec in SERVICES]
    targets.append(("docs", 8080, {"ingress"}))
    for target, port, expected in targets:
        if target not in pods:
            problems.append(f"no pods of {target}")
            continue
        reach = {
            s.name for s in sources if s.name != target and allowed(objects, s, pods[target], port)
        }
        if reach != expected:
            problems.append(
                f"{target}:{port} is reached by {sorted(reach)}, expected {sorted(expected)}"
            )
    app_sources = [
        INGRESS_CONTROLLER,
        *strangers,
        *(p for p in pods.values() if "cnpg.io/cluster" not in p.labels),
    ]
    for spec in SERVICES:
        db = pods.get(f"pakt-{spec.name}-db")
        if db is None:
            continue
        reach = {s.name for s in app_sources if allowed(objects, s, db, 5432)}
        expected = {spec.name, "pakt-migrate", f"webhooks-{spec.name}"}
        if reach != expected:
            problems.append(
                f"{db.name}:5432 is reached by {sorted(reach)}, expected {sorted(expected)}"
            )
    return problems
