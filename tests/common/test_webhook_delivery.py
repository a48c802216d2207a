"""Signatures (checked by the `standardwebhooks` package), the retry schedule, and where a
delivery may go: scheme rules, addresses after resolution, no redirects, bounded answers."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from services.common.webhooks import messages, signing
from services.common.webhooks.settings import DAY_OF_RETRIES
from services.common.webhooks.targets import (
    Answer,
    Limits,
    address_allowed,
    checked_address,
    new_client,
    post,
    url_problem,
)

NOW = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)


@given(
    msg_id=st.text(st.characters(codec="ascii", exclude_characters="."), min_size=1, max_size=40),
    body=st.dictionaries(st.text(max_size=10), st.text(max_size=30) | st.integers()).map(
        lambda d: json.dumps(d).encode()
    ),
    extra=st.integers(min_value=0, max_value=2),
)
def test_every_live_secret_verifies_with_the_reference_verifier(
    msg_id: str, body: bytes, extra: int
) -> None:
    secrets = [signing.new_secret() for _ in range(1 + extra)]
    timestamp = int(dt.datetime.now(dt.UTC).timestamp())
    headers = signing.headers(secrets, msg_id, timestamp, body)
    for secret in secrets:
        Webhook(secret).verify(body, headers)  # raises when it does not verify
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secrets[0]).verify(body + b" ", headers)


def test_secrets_are_whsec_and_at_least_24_random_bytes() -> None:
    made = {signing.new_secret() for _ in range(50)}
    assert len(made) == 50
    assert all(s.startswith("whsec_") and len(signing._key(s)) >= 24 for s in made)


@given(
    attempt=st.integers(min_value=1, max_value=len(DAY_OF_RETRIES)), status=st.integers(500, 599)
)
def test_a_failure_retries_on_the_schedule_within_its_jitter(attempt: int, status: int) -> None:
    verdict = messages.judge(Answer(status, None, 5), attempt, DAY_OF_RETRIES, 0.2, NOW)
    assert (verdict.state, verdict.outcome, verdict.subscription) == ("pending", "retrying", None)
    assert verdict.next_at is not None
    wait = (verdict.next_at - NOW).total_seconds()
    assert 0.8 * DAY_OF_RETRIES[attempt - 1] <= wait <= 1.2 * DAY_OF_RETRIES[attempt - 1]


def test_the_schedule_spans_about_a_day_then_gives_up_and_pauses() -> None:
    assert 20 * 3600 <= sum(DAY_OF_RETRIES) <= 28 * 3600
    assert list(DAY_OF_RETRIES) == sorted(DAY_OF_RETRIES)
    last = messages.judge(
        Answer(None, "refused", 1), len(DAY_OF_RETRIES) + 1, DAY_OF_RETRIES, 0.2, NOW
    )
    assert (last.state, last.outcome, last.subscription) == ("failed", "given_up", messages.PAUSED)


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (Answer(200, None, 1), "delivered"),
        (Answer(204, None, 1), "delivered"),
        (Answer(410, None, 1), "disabled"),
        (Answer(302, "redirects are not followed", 1), "retrying"),
        (Answer(None, "no answer within 15 s", 1), "retrying"),
        (Answer(404, None, 1), "retrying"),
    ],
)
def test_what_an_answer_means(answer: Answer, outcome: str) -> None:
    assert messages.judge(answer, 1, DAY_OF_RETRIES, 0.2, NOW).outcome == outcome


@pytest.mark.parametrize(
    ("url", "development", "ok"),
    [
        ("https://hooks.example.org/pakt", False, True),
        ("https://hooks.example.org:8443/pakt?x=1", False, True),
        ("http://hooks.example.org/pakt", False, False),
        ("http://hooks.example.org/pakt", True, False),
        ("http://127.0.0.1:9000/hook", True, True),
        ("http://localhost:9000/hook", True, True),
        ("http://[::1]:9000/hook", True, True),
        ("http://127.0.0.1:9000/hook", False, False),
        ("ftp://hooks.example.org/", False, False),
        ("https://user:pw@hooks.example.org/", False, False),
        ("https://hooks.example.org/#frag", False, False),
        ("https:///nohost", False, False),
        ("https://hooks.example.org:99999/", False, False),
        ("https://x.org/" + "a" * 2048, False, False),
    ],
)
def test_endpoint_urls(url: str, development: bool, ok: bool) -> None:
    assert (url_problem(url, development=development) is None) == ok


PRIVATE = [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "::1", "fc00::1", "100.64.0.1",
    "::ffff:10.0.0.1", "0.0.0.0",  # noqa: S104 - an address to refuse, nothing binds to it
    "169.254.169.254", "fe80::1", "224.0.0.1",
]  # fmt: skip


@pytest.mark.parametrize("address", PRIVATE)
def test_private_loopback_and_link_local_addresses_are_refused(address: str) -> None:
    assert not address_allowed(ipaddress.ip_address(address), allow_private=False)


@given(st.ip_addresses())
def test_an_allowed_address_is_global_unicast(address: Any) -> None:
    if address_allowed(address, allow_private=False):
        plain = address.ipv4_mapped if getattr(address, "ipv4_mapped", None) else address
        assert plain.is_global
        assert not plain.is_multicast


def test_link_local_stays_refused_in_development() -> None:
    assert address_allowed(ipaddress.ip_address("127.0.0.1"), allow_private=True)
    assert not address_allowed(ipaddress.ip_address("169.254.169.254"), allow_private=True)


def test_a_name_is_checked_after_resolution() -> None:
    with pytest.raises(Exception, match=r"not a public address"):
        asyncio.run(checked_address("localhost", 443, allow_private=False))
    assert asyncio.run(checked_address("localhost", 443, allow_private=True)) in {
        "127.0.0.1",
        "::1",
    }


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("location", "http://169.254.169.254/latest")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        if self.path == "/slow":
            threading.Event().wait(2)
        big = b"x" * (1024 * 1024 if self.path == "/big" else 0)
        self.send_response(200)
        self.send_header("content-length", str(len(big)))
        self.send_header("x-host", self.headers.get("host", ""))
        self.end_headers()
        self.wfile.write(big)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read the deliveries, not the server's log."""


@pytest.fixture(scope="module")
def local() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _post(url: str, **limits: Any) -> Answer:
    async def go() -> Answer:
        settings = Limits(**{"allow_private": True, **limits})
        async with new_client(settings) as client:
            return await post(client, url, {"webhook-id": "msg_1"}, b"{}", settings)

    return asyncio.run(go())


def test_loopback_is_refused_outside_development_before_connecting(local: str) -> None:
    answer = _post(local + "/ok", allow_private=False)
    assert answer.status is None
    assert "not a public address" in (answer.error or "")


def test_redirects_are_not_followed(local: str) -> None:
    answer = _post(local + "/redirect")
    assert (answer.status, answer.error) == (302, "redirects are not followed")


def test_a_large_answer_is_cut_and_a_slow_one_times_out(local: str) -> None:
    assert _post(local + "/big", max_response_bytes=1024).status == 200
    slow = _post(local + "/slow", total_seconds=0.5)
    assert slow.status is None
    assert "no answer within" in (slow.error or "")
    assert slow.duration_ms < 1500
