"""What the development gateway does, read from deploy/gateway/nginx.conf.template.

The Ingress must reproduce it; these are the facts the deploy checks compare against: routes
(path, match, upstream), body-size and rate limits per route, timeouts, constant response
headers, the API's Content-Security-Policy and the CORS answers.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from services.cli.gateway import GatewayConfig

_LOCATION = re.compile(r"^\s*location\s+(=\s*)?(\S+)\s*\{(.*?)^\s*\}", re.M | re.S)
_ZONE = re.compile(r"limit_req_zone\s+\S+\s+zone=(\w+):\S+\s+rate=(\d+)r/([sm]);")
_LIMIT = re.compile(r"limit_req\s+zone=(\w+)\s+burst=(\d+)")
_BODY = re.compile(r"client_max_body_size\s+(\S+);")
_PROXY = re.compile(r"proxy_pass\s+http://pakt_(\w+);")
_ADD_HEADER = re.compile(r"^\s*add_header\s+(\S+)\s+(.+?)\s+always;", re.M)


@dataclass(frozen=True)
class Route:
    path: str
    exact: bool
    upstream: str  # a service name, or "static" for files the gateway serves itself
    body_size: str
    rate_per_minute: int
    burst: int


@dataclass(frozen=True)
class Gateway:
    routes: tuple[Route, ...]
    headers: dict[str, str]  # constant response headers
    api_csp: str
    cors: dict[str, str]  # methods, headers, expose, max_age
    cors_origins: tuple[str, ...]
    connect_timeout_s: int
    read_timeout_s: int


def _map_value(text: str, variable: str, key: str) -> str:
    block = re.search(rf"map\s+\S+\s+\${variable}\s*\{{(.*?)\}}", text, re.S)
    if block is None:
        raise ValueError(f"gateway template: no map for ${variable}")
    found = re.search(rf'^\s*"?{re.escape(key)}"?\s+"([^"]*)";', block.group(1), re.M)
    if found is None:
        raise ValueError(f"gateway template: map ${variable} has no entry {key!r}")
    return found.group(1)


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] == value[-1:] and value[:1] in "'\"" else value


def read_gateway(template: Path, config: GatewayConfig | None = None) -> Gateway:
    """The gateway's behaviour with `config`'s values (default: what `pakt dev` uses)."""
    config = config or GatewayConfig()
    values = {k: str(v) for k, v in dataclasses.asdict(config).items() if not isinstance(v, dict)}
    text = re.sub(
        r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), template.read_text()
    )
    server = text[text.index("server {") :]
    zones = {
        name: int(rate) * (60 if unit == "s" else 1) for name, rate, unit in _ZONE.findall(text)
    }
    head = server.split("location", 1)[0]
    default_body = _BODY.search(head)
    default_limit = _LIMIT.search(head)
    if default_body is None or default_limit is None:
        raise ValueError("gateway template: server block sets no body size or rate limit")
    routes = []
    for exact, path, body in _LOCATION.findall(server):
        if path.startswith("@"):
            continue
        proxy = _PROXY.search(body)
        upstream = proxy.group(1) if proxy else "static"
        if not proxy and not re.search(r"^\s*(alias|root)\s", body, re.M):
            continue  # redirects and the catch-all 404
        size = _BODY.search(body) or default_body
        limit = _LIMIT.search(body) or default_limit
        routes.append(
            Route(
                path=path,
                exact=bool(exact),
                upstream=upstream,
                body_size=size.group(1),
                rate_per_minute=zones[limit.group(1)],
                burst=int(limit.group(2)),
            )
        )
    headers = {
        name: _unquote(value)
        for name, value in _ADD_HEADER.findall(server)
        if not value.startswith("$")
    }
    connect = re.search(r"proxy_connect_timeout\s+(\d+)s;", server)
    read = re.search(r"proxy_read_timeout\s+(\d+)s;", server)
    if connect is None or read is None:
        raise ValueError("gateway template: proxy timeouts not found")
    return Gateway(
        routes=tuple(routes),
        headers=headers,
        api_csp=_map_value(text, "pakt_csp", "default"),
        cors={
            "methods": _map_value(text, "pakt_cors_methods", "allowed"),
            "headers": _map_value(text, "pakt_cors_headers", "allowed"),
            "max_age": _map_value(text, "pakt_cors_max_age", "allowed"),
            "expose": _map_value(text, "pakt_cors_expose", "default"),
        },
        cors_origins=config.cors_origins,
        connect_timeout_s=int(connect.group(1)),
        read_timeout_s=int(read.group(1)),
    )
