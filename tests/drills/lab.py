"""What every drill stands on: private clusters, migrated and seeded databases, stacks, cleanup.

Everything is launched with the project's own code (services/cli: `start_private_cluster`,
`database.migrate`/`seed`, `Stack`), on free loopback ports, under one temporary directory.
`Lab.close()` stops all of it in reverse order; it runs on failure and Ctrl-C too.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

from services.cli import database
from services.cli.gateway import GatewayConfig
from services.cli.postgres import (
    SERVICES,
    Server,
    _pg_bindir,
    _run_as_owner,
    start_private_cluster,
)
from services.cli.stack import RUN_ROOT, Ports, Stack
from tests.support.stack import clean_env

SHARED_PORT = 5432
# the drills load one loopback address far beyond a client's share: lift the gateway's limits
DRILL_GATEWAY = GatewayConfig(api_rate=20_000, api_burst=40_000, token_rate=6_000, token_burst=200)
# six service instances (drill 3) with pools of 20 + 5 need more than the default 100
CLUSTER_SETTINGS = {"max_connections": "300"}


class DrillError(Exception):
    """A drill could not be set up (not a finding: the run is aborted)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (a postmaster's backends and auxiliary processes)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _owner() -> str:
    """The cluster's superuser, as start_private_cluster names it."""
    return "postgres" if os.geteuid() == 0 else getpass.getuser()


@dataclass
class Cluster:
    """A private PostgreSQL cluster in `directory` on 127.0.0.1:`port`, never the shared one."""

    directory: Path
    port: int
    server: Server | None = None

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def start(self) -> Server:
        if self.port == SHARED_PORT:
            raise DrillError("the drills never touch the shared server on port 5432")
        self._wait_reaped()
        server = start_private_cluster(self.directory, self.port)
        if server.started_data_dir is None:
            raise DrillError(f"something else already answers on port {self.port}")
        self.server = server
        return server

    def url(self, name: str) -> str:
        if self.server is None:
            raise DrillError(f"cluster in {self.directory} is not started")
        return self.server.database_url(name)

    def postmaster_pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int((self.data / "postmaster.pid").read_text().split()[0])
        return None

    def _wait_reaped(self) -> None:
        """A killed postmaster stays a zombie until its parent (init) reaps it, and a new one
        refuses to start while the pid in postmaster.pid exists. Wait for the reaping; if it
        never comes, the zombie is dead for sure and its lock file may go."""
        pid = self.postmaster_pid()
        if pid is None or _alive(pid):
            return
        deadline = time.monotonic() + 20
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if Path(f"/proc/{pid}").exists():
            (self.data / "postmaster.pid").unlink()

    def kill(self) -> int:
        """kill -9 of the postmaster; returns its pid once it and its children are gone."""
        pid = self.postmaster_pid()
        if pid is None or not _alive(pid):
            raise DrillError(f"no postmaster running in {self.data}")
        children = _children(pid)
        os.kill(pid, signal.SIGKILL)  # only the postmaster: its backends notice and exit
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in (pid, *children)) and time.monotonic() < deadline:
            time.sleep(0.02)
        return pid

    def pg_ctl(self, *args: str) -> None:
        bindir = _pg_bindir()
        if bindir is None:
            raise DrillError("PostgreSQL binaries not found")
        _run_as_owner([str(bindir / "pg_ctl"), "-D", str(self.data), *args])

    def stop(self) -> None:
        """Immediate stop if a postmaster of ours still runs; waits for its backends too."""
        pid = self.postmaster_pid()
        if pid is not None and _alive(pid):
            with contextlib.suppress(subprocess.CalledProcessError):
                self.pg_ctl("-m", "immediate", "-w", "stop")
        self.server = None

    def configure(self, settings: Mapping[str, str]) -> None:
        """ALTER SYSTEM for each setting, then a restart so that all of them apply."""
        run_sql(
            self.url("postgres"), *(f"ALTER SYSTEM SET {k} = '{v}'" for k, v in settings.items())
        )
        self.pg_ctl("-m", "fast", "-w", "stop")
        self.start()

    def base_backup_of(self, primary: Cluster) -> None:
        """This cluster becomes a streaming standby of `primary` (pg_basebackup -R)."""
        bindir = _pg_bindir()
        if bindir is None:
            raise DrillError("PostgreSQL binaries not found")
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        _run_as_owner(
            [
                str(bindir / "pg_basebackup"), "-D", str(self.data), "-R", "-X", "stream",
                "-c", "fast", "-h", "127.0.0.1", "-p", str(primary.port), "-U", _owner(),
                "-d", "application_name=drill_standby",
            ]
        )  # fmt: skip


def run_sql(url: str, *statements: str) -> None:
    async def go() -> None:
        conn = await asyncpg.connect(url)
        try:
            for statement in statements:
                await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(go())


@dataclass
class Lab:
    """Owns what the drills start; `close()` stops it all, last started first."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pakt-drills-")))
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    cleanups: ExitStack = field(default_factory=ExitStack)
    keep: bool = False  # keep logs and data directories (processes are stopped all the same)

    def __post_init__(self) -> None:
        os.chmod(self.root, 0o755)  # noqa: S103  (initdb runs as `postgres` when we are root)

    def cluster(self, name: str, *, start: bool = True) -> Cluster:
        """A new private cluster (initdb under the lab's directory), started unless asked not."""
        cluster = Cluster(self.root / name, free_port())
        self.cleanups.callback(cluster.stop)
        if start:
            cluster.start()
            cluster.configure(CLUSTER_SETTINGS)
        return cluster

    def stack(
        self, urls: Mapping[str, str], label: str, ports: Ports | None = None, *, start: bool = True
    ) -> Stack:
        """auth, cases, funding and nginx on free ports for `urls`; stopped by `close()`."""
        stack = Stack(
            dict(urls),
            ports=ports or Ports.free(),
            name=f"drills-{self.run_id}-{label}",
            gateway_config=DRILL_GATEWAY,
            base_env=clean_env(),
        )
        self.scratch(stack.run_dir)
        self.cleanups.callback(stack.stop)
        if start:
            stack.start()
        else:
            stack.run_dir.mkdir(parents=True, exist_ok=True)  # for start_service's logs
        return stack

    @contextmanager
    def scope(self) -> Iterator[None]:
        """What is started inside is stopped at its end (a drill's stacks), failure or not."""
        outer = self.cleanups
        with ExitStack() as inner:
            self.cleanups = inner
            try:
                yield
            finally:
                self.cleanups = outer

    def scratch(self, directory: Path) -> None:
        """`directory` goes when the lab closes (unless it keeps its files)."""
        if not self.keep:
            self.cleanups.callback(shutil.rmtree, directory, True)

    def close(self) -> None:
        try:
            self.cleanups.close()
        finally:
            if self.keep:
                print(f"drills: kept {self.root} and {RUN_ROOT}/drills-{self.run_id}-*")  # noqa: T201
            else:
                shutil.rmtree(self.root, ignore_errors=True)


def prepared_databases(cluster: Cluster) -> dict[str, str]:
    """pakt_auth, pakt_cases, pakt_funding on `cluster`, migrated and seeded as `pakt dev` does."""
    urls = {service: cluster.url(f"pakt_{service}") for service in SERVICES}
    # both yield progress lines for the operator; the drills only need them run to the end
    list(database.migrate(urls))
    list(database.seed(urls))
    return urls
