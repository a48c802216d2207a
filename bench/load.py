"""Load generation: wrk when installed, else a bounded asyncio + httpx loader (loopback only).

Both return the same `LoadResult`. A request body may contain `{{n}}`, replaced by a value
unique per request (for creates that must not collide).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

CONNECTIONS = 32
THREADS = 2
MAX_FALLBACK_REQUESTS = 500_000


@dataclass
class Request:
    """What the load generator sends, again and again."""

    url: str
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None  # may contain {{n}}
    rotate: list[dict[str, str]] = field(default_factory=list)  # per-request header sets, in turn


@dataclass
class LoadResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    bad_responses: int  # non-2xx/3xx
    socket_errors: int
    tool: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def ensure_wrk() -> bool:
    """wrk is there, or installed now from Debian's package when we are root on Debian."""
    if have_wrk():
        return True
    if os.geteuid() == 0 and Path("/etc/debian_version").exists():
        print("wrk is missing: installing Debian's wrk package ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for args in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "wrk"]):
            subprocess.run(args, check=False, env=env, capture_output=True)  # noqa: S603
    return have_wrk()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not match:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str) -> LoadResult:
    """Reads wrk's `--latency` summary."""
    total = re.search(r"(\d+) requests in ([\d.]+)(m?s|m)", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (total and rps and p50 and p99):
        raise RuntimeError(f"could not read wrk output:\n{output}")
    unit = total.group(3)
    seconds = float(total.group(2)) * {"s": 1.0, "ms": 0.001, "m": 60.0}[unit]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sock = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return LoadResult(
        requests=int(total.group(1)),
        seconds=seconds,
        rps=float(rps.group(1)),
        p50_ms=_ms(p50.group(1)),
        p99_ms=_ms(p99.group(1)),
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(x) for x in sock.groups()) if sock else 0,
        tool="wrk",
    )


_LUA = """
local method, path, headers, template = %(method)s, %(path)s, %(headers)s, %(body)s
wrk.method = method
wrk.path = path
for k, v in pairs(headers) do wrk.headers[k] = v end
if template ~= nil then wrk.body = template end
local counter = 0
local prefix = ""
function setup(thread)
  thread:set("tid", tostring(math.random(1, 1000000000)))
end
function init(args)
  prefix = tid or tostring(math.random(1, 1000000000))
end
local rot = %(rotate)s
local dynamic = #rot > 0 or (template ~= nil and string.find(template, "{{n}}", 1, true) ~= nil)
if dynamic then
  -- only then a request built per call; otherwise wrk sends one pre-built request (cheaper)
  request = function()
    counter = counter + 1
    local body = template
    if body ~= nil then body = string.gsub(template, "{{n}}", prefix .. "-" .. counter) end
    local h = headers
    if #rot > 0 then
      h = {}
      for k, v in pairs(headers) do h[k] = v end
      for k, v in pairs(rot[(counter %% #rot) + 1]) do h[k] = v end
    end
    return wrk.format(nil, nil, h, body)
  end
end
"""


def _lua_str(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def _lua_table(headers: dict[str, str]) -> str:
    return "{" + ", ".join(f"[{_lua_str(k)}] = {_lua_str(v)}" for k, v in headers.items()) + "}"


def _lua_script(request: Request) -> str:
    path = "/" + request.url.split("://", 1)[1].split("/", 1)[1]
    return _LUA % {
        "method": _lua_str(request.method),
        "path": _lua_str(path),
        "headers": _lua_table(request.headers),
        "rotate": "{" + ", ".join(_lua_table(h) for h in request.rotate) + "}",
        "body": "nil" if request.body is None else _lua_str(request.body),
    }


def run_wrk(request: Request, duration: float, connections: int = CONNECTIONS) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua_script(request))
    try:
        base = request.url.split("://", 1)[0] + "://" + request.url.split("://", 1)[1].split("/")[0]
        args = [
            "wrk",
            f"-t{min(THREADS, connections)}",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--timeout=10s",
            "--latency",
            "-s",
            script.name,
            base + "/",
        ]
        out = subprocess.run(  # noqa: S603
            args, capture_output=True, text=True, check=False, timeout=duration + 60
        )
        if out.returncode != 0:
            raise RuntimeError(f"wrk failed ({out.returncode}): {out.stderr}")
        return parse_wrk(out.stdout)
    finally:
        Path(script.name).unlink(missing_ok=True)


async def _fallback(request: Request, duration: float, connections: int) -> LoadResult:
    latencies: list[float] = []
    bad = errors = 0
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:

        async def worker() -> None:
            nonlocal bad, errors
            while time.monotonic() < deadline and len(latencies) < MAX_FALLBACK_REQUESTS:
                body = request.body.replace("{{n}}", uuid.uuid4().hex) if request.body else None
                headers = request.headers
                if request.rotate:
                    headers = {**headers, **request.rotate[len(latencies) % len(request.rotate)]}
                started = time.perf_counter()
                try:
                    response = await client.request(
                        request.method, request.url, headers=headers, content=body
                    )
                except httpx.HTTPError:
                    errors += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code >= 400:
                    bad += 1

        started = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(connections)))
        seconds = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0.0

    return LoadResult(
        requests=len(latencies),
        seconds=seconds,
        rps=len(latencies) / seconds if seconds else 0.0,
        p50_ms=pct(0.50),
        p99_ms=pct(0.99),
        bad_responses=bad,
        socket_errors=errors,
        tool="httpx",
    )


def run_load(request: Request, duration: float, connections: int = CONNECTIONS) -> LoadResult:
    """Drives `request` for `duration` seconds over `connections` keep-alive connections."""
    if have_wrk():
        return run_wrk(request, duration, connections)
    return asyncio.run(_fallback(request, duration, connections))
