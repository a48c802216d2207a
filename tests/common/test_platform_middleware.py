"""The one platform middleware (issue 16): requests without a body reach the app with their own
`receive` (nothing read ahead), bodies are screened and replayed, and every answer, rejected or
failed, carries the request id and is counted."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry
from starlette.types import Message, Receive, Scope, Send

from services.common.middleware import PlatformMiddleware


def _scope(method: str, headers: list[tuple[bytes, bytes]] | None = None) -> Scope:
    return {
        "type": "http",
        "method": method,
        "path": "/probe",
        "query_string": b"",
        "headers": headers or [],
    }


class Probe:
    """An app that records the `receive` it was given and the body it read."""

    def __init__(self, fail: bool = False) -> None:
        self.receive: Receive | None = None
        self.body = b""
        self.fail = fail

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.receive = receive
        if scope["method"] == "POST":
            self.body = (await receive()).get("body", b"")
        if self.fail:
            raise RuntimeError("boom")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


async def _call(app: Any, scope: Scope, body: bytes = b"") -> tuple[list[Message], Receive]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    registry = CollectorRegistry()
    await PlatformMiddleware(app, registry=registry)(scope, receive, send)
    return sent, receive


def _header(sent: list[Message], name: bytes) -> bytes | None:
    return dict(sent[0].get("headers", [])).get(name)


async def test_requests_without_a_body_keep_their_own_receive() -> None:
    for scope in (_scope("GET"), _scope("POST", [(b"content-length", b"0")])):
        probe = Probe()
        sent, receive = await _call(probe, scope)
        assert probe.receive is receive  # not wrapped, nothing buffered
        assert sent[0]["status"] == 200
        assert _header(sent, b"x-request-id")


async def test_a_body_is_screened_and_replayed() -> None:
    probe = Probe()
    scope = _scope("POST", [(b"content-length", b"7")])
    sent, receive = await _call(probe, scope, b'{"a":1}')
    assert probe.receive is not receive
    assert probe.body == b'{"a":1}'
    assert sent[0]["status"] == 200

    refused = Probe()
    sent, _ = await _call(refused, _scope("POST", [(b"content-length", b"9")]), b'{"a":"\\u0000"}')
    assert refused.receive is None  # the app never saw it
    assert sent[0]["status"] == 422
    assert _header(sent, b"x-request-id")


async def test_an_unexpected_error_is_a_problem_with_the_request_id() -> None:
    sent, _ = await _call(Probe(fail=True), _scope("GET", [(b"x-request-id", b"req-1")]))
    assert sent[0]["status"] == 500
    assert _header(sent, b"x-request-id") == b"req-1"
