"""Finding a PostgreSQL server the way `make run` and the tests both do.

Order: `DATABASE_URL` if set; else the server on 127.0.0.1:5432 if it answers; else a
private cluster initialized from the installed binaries under `.pgdata/` in the project.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from services.cli.failures import OperatorError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRIVATE_DIR = PROJECT_ROOT / ".pgdata"
PRIVATE_PORT = 54329
SERVICES = ("auth", "cases", "funding")


@dataclass(frozen=True)
class Server:
    """A reachable server: `url` names its maintenance database; `source` says how we found it."""

    url: str
    source: str
    started_data_dir: Path | None = None  # set when this process started a private cluster

    def database_url(self, name: str) -> str:
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _pg_bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)  # noqa: S603
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if versions:
        return versions[0].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _install_postgres() -> None:
    if os.geteuid() != 0 or not Path("/etc/debian_version").exists():
        raise SystemExit(
            "No PostgreSQL found. Install it (Debian/Ubuntu: sudo apt-get install postgresql), "
            "or set DATABASE_URL to a server you have."
        )
    print("Installing Debian's postgresql package ...", flush=True)  # noqa: T201
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)  # noqa: S607
    subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], check=True, env=env)  # noqa: S607


def _run_as_owner(args: list[str]) -> None:
    """initdb and pg_ctl refuse to run as root; run them as `postgres` then."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def start_private_cluster(directory: Path = PRIVATE_DIR, port: int = PRIVATE_PORT) -> Server:
    """Initialize (once) and start a cluster in `directory`, listening on 127.0.0.1:`port` only."""
    bindir = _pg_bindir()
    if bindir is None:
        _install_postgres()
        bindir = _pg_bindir()
        if bindir is None:
            raise SystemExit("PostgreSQL was installed but its binaries were not found")
    user = "postgres" if os.geteuid() == 0 else getpass.getuser()
    data = directory / "data"
    if not (data / "PG_VERSION").exists():
        directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres")
        _run_as_owner(
            [str(bindir / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"]
        )
    started = not _answers("127.0.0.1", port)
    if started:
        _run_as_owner(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(directory / "server.log"),
                "-w",
                "-o",
                f"-p {port} -k {directory} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )
    return Server(
        f"postgresql://{user}@127.0.0.1:{port}/postgres",
        f"private cluster in {directory} (port {port})",
        started_data_dir=data if started else None,
    )


def stop_if_started(server: Server) -> None:
    """Stops the private cluster if this process started it (what `pakt dev` started, it stops)."""
    if server.started_data_dir is None:
        return
    bindir = _pg_bindir()
    if bindir is not None:
        _run_as_owner(
            [str(bindir / "pg_ctl"), "-D", str(server.started_data_dir), "-m", "fast", "stop"]
        )


SCHEMES = ("postgresql", "postgres", "postgresql+asyncpg")


def check_url(url: str, variable: str) -> str:
    """`url` if it is a PostgreSQL URL naming a host and a database; else OperatorError."""
    example = "postgresql://user[:password]@host:5432/name"
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for a port that is no number
    except ValueError as exc:
        raise OperatorError(f"{variable} is not a URL ({exc}): write {example}") from exc
    if parts.scheme not in SCHEMES:
        start = url.split(":", 1)[0] + ":" if ":" in url else url[:12]  # never the password
        raise OperatorError(
            f"{variable} must start with postgresql:// (it starts with {start!r}): write {example}"
        )
    has_host = bool(parts.hostname) or "host=" in parts.query  # ?host=/run/postgresql: a socket
    if not has_host or not parts.path.lstrip("/"):
        missing = "database name" if has_host else "host"
        raise OperatorError(f"{variable} names no {missing}: write {example}")
    del port
    return url


def find_server() -> Server:
    env_url = os.environ.get("DATABASE_URL")
    if env_url:
        return Server(check_url(env_url, "DATABASE_URL"), "DATABASE_URL")
    if _answers("127.0.0.1", 5432):
        return Server(
            "postgresql://postgres@127.0.0.1:5432/postgres", "local server on 127.0.0.1:5432"
        )
    return start_private_cluster()


async def _ensure(server: Server, name: str, template: str | None = None) -> bool:
    conn = await asyncpg.connect(server.url.replace("+asyncpg", ""))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists:
            return False
        clause = f' TEMPLATE "{template}"' if template else ""
        await conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return True
    finally:
        await conn.close()


async def _drop(server: Server, name: str) -> None:
    conn = await asyncpg.connect(server.url.replace("+asyncpg", ""))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def ensure_database(server: Server, name: str, template: str | None = None) -> bool:
    """Creates database `name` if missing; True when it was created."""
    return asyncio.run(_ensure(server, name, template))


def drop_database(server: Server, name: str) -> None:
    asyncio.run(_drop(server, name))


def service_database_url(server: Server, service: str) -> str:
    """`<SERVICE>_DATABASE_URL` if the operator set it, else `pakt_<service>` on the server."""
    return os.environ.get(f"{service.upper()}_DATABASE_URL") or server.database_url(
        f"pakt_{service}"
    )
