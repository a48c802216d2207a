"""Server processes for a run: uvicorn (uvloop + httptools, one worker) on free loopback ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Proc:
    """A child process we started; `stop()` ends exactly it (and its own process group)."""

    name: str
    port: int
    popen: subprocess.Popen[bytes]
    log_path: Path
    children: list[int] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=5)


def spawn(name: str, args: list[str], env: dict[str, str], log_dir: Path, port: int) -> Proc:
    log_path = log_dir / f"{name}.log"
    with log_path.open("wb") as log:
        popen = subprocess.Popen(  # noqa: S603
            args,
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stop() ends it and nothing else
        )
    return Proc(name, port, popen, log_path)


def start_uvicorn(
    name: str, target: str, *, env: dict[str, str], log_dir: Path, factory: bool = True
) -> Proc:
    """`target` is `module:attr`; with `factory` it is called to make the app."""
    port = free_port()
    args = [sys.executable, "-m", "uvicorn", target]
    if factory:
        args.append("--factory")
    args += [
        "--host=127.0.0.1",
        f"--port={port}",
        "--loop=uvloop",
        "--http=httptools",
        "--no-access-log",
        "--log-level=warning",
    ]
    return spawn(name, args, env, log_dir, port)


def wait_ready(proc: Proc, path: str, timeout: float = 60) -> None:
    """Polls `path` until it answers 200; fails with the log's tail if the process dies."""
    deadline = time.monotonic() + timeout
    url = proc.base_url + path
    last = ""
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise RuntimeError(f"{proc.name} exited ({proc.popen.returncode}):\n{proc.log_tail()}")
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:200]}"
        except httpx.HTTPError as exc:
            last = str(exc)
        time.sleep(0.2)
    raise RuntimeError(f"{proc.name} not ready at {url}: {last}\n{proc.log_tail()}")
