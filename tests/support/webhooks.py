"""A webhook receiver for the end-to-end tests: a small local HTTP server that records every
delivery and answers as a test tells it (fail twice, 410, hang), and the worker settings that
make retries take fractions of a second."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from services.cli.stack import Stack
from tests.support.waiting import eventually

FAST_WORKER = {
    "WEBHOOKS_RETRY_SCHEDULE_SECONDS": "[0.3, 0.3, 0.3]",
    "WEBHOOKS_JITTER": "0",
    "WEBHOOKS_POLL_SECONDS": "0.05",
    "WEBHOOKS_LEASE_SECONDS": "4",
    "WEBHOOKS_TOTAL_TIMEOUT_SECONDS": "3",
}


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    def verified(self, secret: str) -> dict[str, Any]:
        """The payload, if `secret` verifies the signature (standardwebhooks raises otherwise)."""
        out: dict[str, Any] = Webhook(secret).verify(self.body, self.headers)
        return out


@dataclass
class Receiver:
    """Answers each path's planned statuses in order (then 204); `hang` paths sleep first."""

    port: int = 0
    got: dict[str, list[Delivery]] = field(default_factory=lambda: defaultdict(list))
    plans: dict[str, list[int]] = field(default_factory=dict)
    hang: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, float]:
        with self.lock:
            self.got[path].append(Delivery(path, headers, body, time.time()))
            plan = self.plans.get(path) or []
            status = plan.pop(0) if plan else 204
            return status, self.hang.pop(path, 0.0)

    def deliveries(self, path: str) -> list[Delivery]:
        with self.lock:
            return list(self.got[path])


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, hang = receiver.answer(self.path, headers, body)
            time.sleep(hang)
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read the deliveries, not the server's log."""

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def subscribe(
    client: httpx.Client, headers: dict[str, str], service: str, url: str, types: list[str]
) -> dict[str, Any]:
    body = {"url": url, "event_types": types, "description": "e2e receiver"}
    r = client.post(f"/{service}/v1/webhook-subscriptions", json=body, headers=headers)
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out


WORKERS = {"auth": 1, "cases": 2, "funding": 1}


def started(stack: Stack, name: str) -> bool:
    return "webhook_worker_started" in stack.processes[name].tail(50)


@contextmanager
def running_workers(stack: Stack) -> Iterator[list[str]]:
    """`pakt worker` processes with `FAST_WORKER` pacing: two for cases, one for the others."""
    names = [f"worker-{svc}-{n}" for svc, count in WORKERS.items() for n in range(count)]
    for name in names:
        stack.start_worker(name.split("-")[1], name, FAST_WORKER)
    assert eventually(lambda: all(started(stack, name) for name in names), 60)
    yield names
    for name in names:
        if name in stack.processes:
            stack.processes.pop(name).stop()


def open_case(client: httpx.Client, case_worker: dict[str, str]) -> str:
    body = {"pseudonym": "GP-Webhook", "municipality_ags": "08117019", "opened_on": "2026-03-02"}
    r = client.post("/cases/v1/cases", json=body, headers=case_worker)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])
