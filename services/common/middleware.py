"""Pure ASGI middleware: request id and access log, metrics, input guard, unexpected errors."""

from __future__ import annotations

import os
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.context import request_id_var
from services.common.guards import reject, screen
from services.common.logging import access_line
from services.common.problem_handlers import fault_response

REQUEST_ID_HEADER = b"x-request-id"
IF_NONE_MATCH_HEADER = b"if-none-match"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class HttpMiddleware(ABC):
    """Base of our pure ASGI middleware: lifespan and websocket scopes pass straight through,
    HTTP requests go to `handle`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    @abstractmethod
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """One HTTP request: the subclass's work around `self.app`."""


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


class PlatformMiddleware(HttpMiddleware):
    """Everything every request goes through, in one pure ASGI layer (one call, one `send`
    wrapper, instead of four nested middlewares; issue 16 measured about 0.3 CPU-ms for them):

    - the request id: taken from `X-Request-ID` (or made), echoed, bound to every log line, and
      the access log line with status and duration;
    - Prometheus metrics by route template, method and status;
    - the input guard (`guards.screen`): NUL in the URL or a body, bodies too large or too
      wide, answered as problems; only a POST, PUT or PATCH with a body is read ahead;
    - an unexpected exception becomes the 500 problem (503 with Retry-After when the database
      is out of reach), which the log and the metrics then see like any response.
    """

    def __init__(
        self,
        app: ASGIApp,
        registry: CollectorRegistry,
        conditional: Callable[[ASGIApp], ASGIApp] | None = None,
    ) -> None:
        super().__init__(app)
        # `conditional` (the If-None-Match handling) wraps the app for the requests carrying
        # that header only: a layer every other request would pass for nothing (issue 16)
        self._conditional = app if conditional is None else conditional(app)
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
        # `labels()` validates and locks on every call; the series are few (method x route
        # template x status), so each pair of children is looked up once and kept
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        # the app builds this middleware on its first request, after `configure_logging`, so
        # the access line's writer is chosen once here
        self._access = access_line()

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        sent_id: str | None = None
        conditional = False
        for name, value in scope["headers"]:
            if name == REQUEST_ID_HEADER:
                if sent_id is None:  # the first one counts
                    sent_id = value.decode("latin-1")
            elif name == IF_NONE_MATCH_HEADER:
                conditional = True
        request_id = sent_id or ""
        if not _VALID_ID.match(request_id):
            request_id = os.urandom(16).hex()  # 128 random bits, like a uuid4's hex
        scope.setdefault("state", {})["request_id"] = request_id
        echoed = (REQUEST_ID_HEADER, request_id.encode())

        def echo_id(message: Message) -> None:
            headers = [(k, v) for k, v in message.get("headers", []) if k != REQUEST_ID_HEADER]
            headers.append(echoed)
            message["headers"] = headers

        response = ResponseStart(send, on_start=echo_id)
        token = request_id_var.set(request_id)
        bound = structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            app = self._conditional if conditional else self.app
            await self._guarded(app, scope, receive, response)
        finally:
            request_id_var.reset(token)
            self._observe(scope, response.status or 500, time.perf_counter() - started, request_id)
            structlog.contextvars.reset_contextvars(**bound)

    async def _guarded(
        self, app: ASGIApp, scope: Scope, receive: Receive, response: ResponseStart
    ) -> None:
        rejection, body = await screen(scope, receive)
        if rejection is not None:
            await reject(scope, receive, response, rejection)
            return
        if body is None:  # the client left while sending its body
            return
        try:
            await app(scope, body, response)
        except Exception as exc:
            if response.status is not None:  # too late for a problem: the response has begun
                raise
            await fault_response(scope, exc)(scope, body, response)

    def _observe(self, scope: Scope, status: int, seconds: float, request_id: str) -> None:
        # label by template, never by raw path: ids would explode the series count
        template = getattr(scope.get("route"), "path", None) or "unmatched"
        method = scope["method"]
        key = (method, template, status)
        series = self._series.get(key)
        if series is None:
            labels = (method, template, str(status))
            series = self._series[key] = (
                self.requests.labels(*labels),
                self.latency.labels(*labels),
            )
        series[0].inc()
        series[1].observe(seconds)
        self._access(method, scope["path"], status, round(seconds * 1000, 2), request_id)
