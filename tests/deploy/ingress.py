"""The Ingress objects against the development gateway (deploy/gateway/nginx.conf.template).

Same routes (path, match, service), the same body-size and rate limits per route, timeouts,
CORS answers and constant response headers; the docs pod serves what the gateway serves from
files. Where ingress-nginx cannot do what nginx did, deploy/k8s/base/ingress.yaml says so.
"""

from __future__ import annotations

from typing import Any

from tests.deploy.gateway_rules import Gateway, Route
from tests.deploy.kube import find

Obj = dict[str, Any]
ANN = "nginx.ingress.kubernetes.io/"


def _paths(objects: list[Obj]) -> list[tuple[str, str, str, dict[str, str]]]:
    rows = []
    for ing in (o for o in objects if o.get("kind") == "Ingress"):
        annotations = ing["metadata"].get("annotations") or {}
        for rule in ing["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                service = path["backend"]["service"]["name"]
                rows.append((path["path"], path["pathType"], service, annotations))
    return rows


def _route_problems(route: Route, gateway: Gateway, ann: dict[str, str], where: str) -> list[str]:
    problems = []
    rps = int(ann.get(ANN + "limit-rps", "0"))
    burst = rps * int(ann.get(ANN + "limit-burst-multiplier", "5"))
    expected = {
        "proxy-body-size": route.body_size,
        "proxy-connect-timeout": str(gateway.connect_timeout_s),
        "proxy-read-timeout": str(gateway.read_timeout_s),
        "cors-allow-methods": gateway.cors["methods"],
        "cors-allow-headers": gateway.cors["headers"],
        "cors-expose-headers": gateway.cors["expose"],
        "cors-max-age": gateway.cors["max_age"],
        "enable-cors": "true",
    }
    for key, value in expected.items():
        if ann.get(ANN + key) != value:
            problems.append(f"{where}: {key} is {ann.get(ANN + key)!r}, the gateway has {value!r}")
    if rps * 60 != route.rate_per_minute or burst != route.burst:
        problems.append(
            f"{where}: rate {rps * 60}/min burst {burst}, the gateway has"
            f" {route.rate_per_minute}/min burst {route.burst}"
        )
    return problems


def _header_problems(
    objects: list[Obj], gateway: Gateway, ann: dict[str, str], where: str
) -> list[str]:
    ref = ann.get(ANN + "custom-headers", "")
    ns, _, name = ref.partition("/")
    config_map = find(objects, "ConfigMap", name)
    if config_map is None or config_map["metadata"].get("namespace") != ns:
        return [f"{where}: custom-headers {ref!r} names no ConfigMap in the output"]
    expected = {**gateway.headers, "Content-Security-Policy": gateway.api_csp}
    data = config_map.get("data", {})
    return [
        f"{where}: response header {header} is {data.get(header)!r}, the gateway sends {value!r}"
        for header, value in expected.items()
        if data.get(header) != value
    ]


def _ingress_matches(path: str, kind: str, request_path: str) -> bool:
    """Whether an Ingress path of `kind` (Exact or Prefix, element-wise) takes `request_path`."""
    if kind == "Exact":
        return path == request_path
    prefix = path.rstrip("/")
    return request_path == prefix or request_path.startswith(prefix + "/")


def ingress_problems(objects: list[Obj], gateway: Gateway, origins: str | None = None) -> list[str]:
    """The Ingress routes, limits and headers are the gateway's; `origins`: expected CORS list."""
    paths = _paths(objects)
    services = {o["metadata"]["name"] for o in objects if o.get("kind") == "Service"}
    problems = [
        f"Ingress path {path}: no Service {service}"
        for path, _, service, _ in paths
        if service not in services
    ]
    for route in gateway.routes:
        where = f"route {'= ' if route.exact else ''}{route.path}"
        if route.upstream == "static":
            if not any(s == "docs" and _ingress_matches(p, t, route.path) for p, t, s, _ in paths):
                problems.append(f"{where}: not routed to the docs pod")
            continue
        kind = "Exact" if route.exact else "Prefix"
        match = [a for p, t, s, a in paths if p == route.path and t == kind and s == route.upstream]
        if len(match) != 1:
            problems.append(f"{where}: {len(match)} Ingress paths ({kind}) to {route.upstream}")
            continue
        problems += _route_problems(route, gateway, match[0], where)
        problems += _header_problems(objects, gateway, match[0], where)
        if origins is not None and match[0].get(ANN + "cors-allow-origin") != origins:
            problems.append(f"{where}: cors-allow-origin is not {origins!r}")
    known = {(r.path, "Exact" if r.exact else "Prefix") for r in gateway.routes}
    problems += [
        f"Ingress path {path} ({kind}) to {service}: the gateway has no such route"
        for path, kind, service, _ in paths
        if service != "docs" and (path, kind) not in known
    ]
    return problems
