"""With no server to use, `pakt dev` runs a private cluster from the installed binaries."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

from services.cli.postgres import _answers, ensure_database, start_private_cluster, stop_if_started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_private_cluster_starts_serves_and_stops_when_we_started_it() -> None:
    directory = Path(tempfile.mkdtemp(prefix="pakt-pg-"))
    os.chmod(directory, 0o755)  # noqa: S103  (initdb runs as `postgres` when we are root)
    port = _free_port()
    try:
        server = start_private_cluster(directory / "cluster", port)
        assert server.started_data_dir is not None
        assert "private cluster" in server.source
        assert ensure_database(server, "pakt_probe") is True
        assert ensure_database(server, "pakt_probe") is False  # idempotent
        again = start_private_cluster(directory / "cluster", port)
        assert again.started_data_dir is None  # already running: not ours to stop
        stop_if_started(again)
        assert _answers("127.0.0.1", port)
        stop_if_started(server)
        assert not _answers("127.0.0.1", port)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
