"""The gateway alone in front of a service that accepts connections but never answers."""

from __future__ import annotations

import dataclasses
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.cli import gateway
from services.cli.stack import Managed, Ports

pytestmark = pytest.mark.e2e


@pytest.fixture
def hanging_funding(tmp_path: Path) -> Iterator[str]:
    """nginx (1 s read timeout) whose funding upstream never replies; yields the gateway URL."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        ports = dataclasses.replace(Ports.free(), funding=silent.getsockname()[1])
        conf = gateway.render(tmp_path, ports.as_dict(), gateway.GatewayConfig(read_timeout=1))
        nginx = gateway.find_nginx(install=False)
        proc = Managed(
            "gateway", gateway.command(nginx, tmp_path, conf), dict(os.environ), tmp_path / "log"
        )
        proc.start()
        try:
            _wait_for_port(ports.gateway, proc)
            yield f"http://127.0.0.1:{ports.gateway}"
        finally:
            proc.stop()


def _wait_for_port(port: int, proc: Managed) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.alive(), proc.tail()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nginx did not listen on {port}: {proc.tail()}")


def test_a_service_that_does_not_answer_in_time_gives_a_504_problem(hanging_funding):
    started = time.monotonic()
    response = httpx.get(f"{hanging_funding}/funding/v1/applications", timeout=10)
    elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"].endswith("/problems/upstream-timeout")
    assert body["request_id"] == response.headers["x-request-id"]
    assert 0.9 <= elapsed < 8
