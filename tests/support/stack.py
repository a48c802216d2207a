"""The whole platform as real processes behind real nginx, for end-to-end tests.

Fresh, uniquely named databases (migrated and seeded the way `pakt dev` does it) and free
ports, so xdist workers and a developer's `make run` never collide.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from services.auth.seed import DEMO_PASSWORD
from services.cli import database
from services.cli.postgres import SERVICES, Server, drop_database
from services.cli.stack import Ports, Stack

_SERVICE_PREFIXES = tuple(f"{service.upper()}_" for service in SERVICES)


def clean_env() -> dict[str, str]:
    """The test process's environment without settings that would point a service elsewhere."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(_SERVICE_PREFIXES) and key != "DATABASE_URL"
    }


def demo_token(stack: Stack, username: str, password: str = DEMO_PASSWORD) -> str:
    """An access token for a seeded demo user, fetched through the gateway as a client would."""
    response = httpx.post(
        f"{stack.gateway_url}/auth/v1/token",
        data={"grant_type": "password", "username": username, "password": password},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


@contextmanager
def running_stack(server: Server) -> Iterator[Stack]:
    """Starts auth, cases, funding and nginx on free ports; yields the running `Stack`.

    Use `stack.gateway_url`, `stack.service_url(name)`, `stack.stop_service(name)` and
    `stack.start_service(name)`. Everything is stopped and the databases dropped afterwards.
    """
    suffix = uuid.uuid4().hex[:8]
    urls = {service: server.database_url(f"pakt_e2e_{service}_{suffix}") for service in SERVICES}
    stack = Stack(urls, ports=Ports.free(), name=f"test-{suffix}", base_env=clean_env())
    try:
        # both yield progress lines for the operator; the tests only need them run to the end
        list(database.migrate(urls))
        list(database.seed(urls))
        stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(stack.run_dir, ignore_errors=True)
        for url in urls.values():
            drop_database(server, url.rsplit("/", 1)[1])
