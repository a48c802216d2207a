"""Pure ASGI middleware: request id and access log, Prometheus metrics."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable

import structlog
from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.context import request_id_var
from services.common.problems import fault_response

REQUEST_ID_HEADER = b"x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
log = structlog.get_logger("pakt.access")


class HttpMiddleware:
    """Base of our pure ASGI middleware: lifespan and websocket scopes pass straight through,
    HTTP requests go to `handle`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class ResponseStart:
    """Wraps `send` and remembers the response's status once it has started (None before).

    `on_start` may edit the start message (its headers) before it is sent on.
    """

    def __init__(self, send: Send, on_start: Callable[[Message], None] | None = None) -> None:
        self.status: int | None = None
        self._send = send
        self._on_start = on_start

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            if self._on_start is not None:
                self._on_start(message)
        await self._send(message)


class RequestIdMiddleware(HttpMiddleware):
    """Takes `X-Request-ID` (or makes one), echoes it, binds it to every log line."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        incoming = dict(scope["headers"]).get(REQUEST_ID_HEADER, b"").decode("latin-1")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()

        def echo_id(message: Message) -> None:
            headers = [(k, v) for k, v in message.get("headers", []) if k != REQUEST_ID_HEADER]
            headers.append((REQUEST_ID_HEADER, request_id.encode()))
            message["headers"] = headers

        response = ResponseStart(send, on_start=echo_id)
        token = request_id_var.set(request_id)
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, response)
            finally:
                request_id_var.reset(token)
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=response.status or 500,
                    duration_ms=round((time.perf_counter() - started) * 1000, 2),
                )


class UnhandledErrorMiddleware(HttpMiddleware):
    """Turns an unexpected exception into the 500 problem (or, when the database is out of
    reach, the 503 problem with Retry-After) inside our middleware stack, so the request id,
    the access log and the metrics still see the response."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = ResponseStart(send)
        try:
            await self.app(scope, receive, response)
        except Exception as exc:
            if response.status is not None:  # too late for a problem: the response has begun
                raise
            await fault_response(scope, exc)(scope, receive, send)


class MetricsMiddleware(HttpMiddleware):
    """Counts requests and observes latency by route template, method and status."""

    def __init__(self, app: ASGIApp, registry: CollectorRegistry) -> None:
        super().__init__(app)
        self.requests = Counter(
            "http_requests_total", "HTTP requests", ["method", "route", "status"], registry=registry
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route", "status"],
            registry=registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        response = ResponseStart(send)
        try:
            await self.app(scope, receive, response)
        finally:
            route = scope.get("route")
            # label by template, never by raw path: ids would explode the series count
            template = getattr(route, "path", None) or "unmatched"
            labels = (scope["method"], template, str(response.status or 500))
            self.requests.labels(*labels).inc()
            self.latency.labels(*labels).observe(time.perf_counter() - started)
