"""The running platform: auth, cases and funding under uvicorn, nginx in front.

`Stack` is used by `pakt dev` and by the end-to-end tests alike. Each process runs in its
own process group (session), so stopping one stops everything it spawned; SIGTERM first,
SIGKILL after a grace period. On Linux the children also get SIGTERM if we die first.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from services.cli import gateway
from services.cli.ports import Ports as Ports  # callers import it from here, as before
from services.cli.ports import service_env
from services.cli.postgres import PROJECT_ROOT, SERVICES
from services.cli.retention import loop
from services.cli.worker import command as worker_command

RUN_ROOT = PROJECT_ROOT / ".run"
GRACE_SECONDS = 10.0
READY_TIMEOUT = 120.0


class StackError(Exception):
    """The stack could not start: a port is taken, a process died, nginx is missing ..."""


class PortInUse(StackError):
    def __init__(self, port: int, role: str, option: str) -> None:
        super().__init__(
            f"Port {port} on 127.0.0.1 (wanted for {role}) is already in use. "
            f"Stop whatever listens there, or choose another port with {option}."
        )
        self.port = port


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def check_ports(ports: Ports) -> None:
    """Raises PortInUse naming the first taken port and the option that moves it."""
    for role, port in ports.as_dict().items():
        if not port_is_free(port):
            raise PortInUse(
                port, role if role == "gateway" else f"the {role} service", f"--{role}-port"
            )


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent dies (Linux prctl PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


@dataclass
class Managed:
    """One child process and where its output goes."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None

    def start(self) -> None:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603
            self.argv,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = GRACE_SECONDS) -> None:
        """SIGTERM the whole process group, SIGKILL what is left after `grace` seconds."""
        proc = self.process
        if proc is not None and proc.returncode is None:
            _signal_group(proc.pid, signal.SIGTERM)
            deadline = time.monotonic() + grace
            while not _exited(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            # the leader is not reaped yet, so its group id cannot have been reused
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _exited(pid: int) -> bool:
    """True once child `pid` has exited; leaves it unreaped (WNOWAIT)."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


@dataclass
class Stack:
    """auth, cases, funding and the gateway for one set of ports and databases.

    `database_urls` maps each service to its own database. `name` names the run directory
    (`.run/<name>/`: nginx config, pid, logs of every process).
    """

    database_urls: Mapping[str, str]
    ports: Ports = field(default_factory=Ports)
    name: str = "dev"
    gateway_config: gateway.GatewayConfig = field(default_factory=gateway.GatewayConfig)
    base_env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    processes: dict[str, Managed] = field(default_factory=dict)
    retention_every: float | None = None  # `pakt dev`: `pakt retention run --every` beside
    workers: bool = False  # `pakt dev`: `pakt worker <service>` beside each service (webhooks)

    @property
    def run_dir(self) -> Path:
        return RUN_ROOT / self.name

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.gateway}"

    @property
    def docs_url(self) -> str:
        return f"{self.gateway_url}/docs"

    def service_url(self, service: str) -> str:
        return f"http://127.0.0.1:{getattr(self.ports, service)}"

    def _service_process(self, service: str) -> Managed:
        argv = [
            sys.executable, "-m", "uvicorn", "--factory", f"services.{service}.app:create_app",
            "--host", "127.0.0.1", "--port", str(getattr(self.ports, service)),
            "--no-access-log", "--timeout-graceful-shutdown", "5",
        ]  # fmt: skip
        env = service_env(service, self.database_urls[service], self.ports, self.base_env)
        return Managed(service, argv, env, self.run_dir / f"{service}.log")

    def start(self) -> None:
        """Starts everything and returns once every service is ready behind the gateway."""
        check_ports(self.ports)
        nginx = gateway.find_nginx()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        conf = gateway.render(self.run_dir, self.ports.as_dict(), self.gateway_config)
        gateway.check(nginx, self.run_dir, conf)
        try:
            for service in SERVICES:
                self.processes[service] = self._service_process(service)
                self.processes[service].start()
            self.processes["gateway"] = Managed(
                "gateway", gateway.command(nginx, self.run_dir, conf), dict(self.base_env),
                self.run_dir / "nginx.log",
            )  # fmt: skip
            self.processes["gateway"].start()
            for service in SERVICES:
                self._wait_ready(service, self.service_url(service))
            for service in SERVICES:
                self._wait_ready("gateway", self.gateway_url, f"/{service}/readyz")
            if self.retention_every is not None:
                argv, env = loop(self.retention_every, self.database_urls, self.base_env)
                self.processes["retention"] = Managed(
                    "retention", argv, env, self.run_dir / "retention.log"
                )
                self.processes["retention"].start()
            if self.workers:
                for service in SERVICES:
                    self.start_worker(service)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, name: str, base_url: str, path: str | None = None) -> None:
        url = base_url + (path or f"/{name}/readyz")
        proc = self.processes[name]
        deadline = time.monotonic() + READY_TIMEOUT
        logging.getLogger("httpx").setLevel(logging.WARNING)  # no line per readiness poll
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if not proc.alive():
                    raise StackError(
                        f"{name} exited while starting; its log ({proc.log_path}):\n{proc.tail()}"
                    )
                with contextlib.suppress(httpx.TransportError):
                    if client.get(url).status_code == 200:
                        return
                time.sleep(0.1)
        raise StackError(
            f"{name} was not ready at {url} after {READY_TIMEOUT:.0f}s:\n{proc.tail()}"
        )

    def start_worker(
        self, service: str, name: str | None = None, env: Mapping[str, str] | None = None
    ) -> Managed:
        """Starts a webhook worker of `service` (`pakt worker`) as process `name` (`env`: more
        settings, e.g. `WEBHOOKS_*`)."""
        name = name or f"worker-{service}"
        base = {**self.base_env, **(env or {})}
        argv, env = worker_command(service, self.database_urls[service], base)
        self.processes[name] = Managed(name, argv, env, self.run_dir / f"{name}.log")
        self.processes[name].start()
        return self.processes[name]

    def stop_service(self, service: str) -> None:
        """Stops one service (the gateway keeps running and answers 502 for it)."""
        self.processes[service].stop()

    def start_service(self, service: str) -> None:
        """Starts a stopped service again and waits until it is ready."""
        if not port_is_free(getattr(self.ports, service)):
            raise PortInUse(
                getattr(self.ports, service), f"the {service} service", f"--{service}-port"
            )
        self.processes[service] = self._service_process(service)
        self.processes[service].start()
        self._wait_ready(service, self.service_url(service))

    def dead(self) -> list[str]:
        """Names of processes that exited on their own."""
        return [name for name, proc in self.processes.items() if proc.process and not proc.alive()]

    def stop(self) -> None:
        """Stops the gateway first, then the services; nothing started here is left running."""
        workers = [name for name in self.processes if name.startswith("worker-")]
        for name in (*workers, "retention", "gateway", *reversed(SERVICES)):
            if name in self.processes:
                self.processes[name].stop()
        self.processes.clear()

    def pids(self) -> list[int]:
        return [p.process.pid for p in self.processes.values() if p.process is not None]


def wait_for_signal(stack: Stack, announce: Callable[[str], None]) -> None:
    """Blocks until Ctrl-C or SIGTERM (or a child dies), then stops the stack."""

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    previous_int = signal.signal(signal.SIGINT, on_term)  # also when started with SIGINT ignored
    try:
        while True:
            dead = stack.dead()
            if dead:
                for name in dead:
                    announce(
                        f"{name} exited unexpectedly; its log:\n{stack.processes[name].tail()}"
                    )
                raise StackError("a process of the stack died")
            time.sleep(0.5)
    except KeyboardInterrupt:
        announce("Stopping ...")
    finally:
        # a second Ctrl-C or SIGTERM must not interrupt the orderly stop
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            stack.stop()
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_int)
