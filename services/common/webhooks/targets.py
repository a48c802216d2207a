"""Where a delivery may go, and the one HTTP request that takes it there.

Outside development a webhook may only reach public addresses: the name is resolved at send
time, every address it resolves to is checked, and the request goes to the checked address
(with the name in `Host` and in TLS SNI), so a name that re-resolves to an internal address
between check and connect (DNS rebinding) gains nothing. Timeouts and the response size are
bounded and redirects are never followed: a 3xx is a failed attempt.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from services.common.problem_types import Texts, texts

MAX_URL_LENGTH = 2048
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetRefused(Exception):
    """The endpoint may not be called (scheme, or an address outside the public internet)."""


def url_problem(url: str, *, development: bool) -> Texts | None:
    """Why `url` cannot be a webhook endpoint (None: it can, as far as the text goes)."""
    if len(url) > MAX_URL_LENGTH:
        return texts(
            f"The URL is longer than {MAX_URL_LENGTH} characters",
            f"Die URL ist länger als {MAX_URL_LENGTH} Zeichen",
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port out of range
    except ValueError:
        return texts("The URL cannot be parsed", "Die URL ist nicht lesbar")
    host = (parts.hostname or "").lower()
    if not host or parts.username is not None or parts.password is not None:
        return texts(
            "The URL needs a host and no user name or password",
            "Die URL braucht einen Host und weder Benutzernamen noch Passwort",
        )
    if parts.fragment:
        return texts("The URL must not have a fragment", "Die URL darf kein Fragment haben")
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and development and host in LOOPBACK_NAMES:
        return None
    if parts.scheme == "http":
        return texts(
            "Use https (http only for a loopback address, and only in development)",
            "Verwenden Sie https (http nur für eine Loopback-Adresse und nur in der Entwicklung)",
        )
    return texts("The URL must start with https://", "Die URL muss mit https:// beginnen")


def address_allowed(address: IPAddress, *, allow_private: bool) -> bool:
    """Public unicast addresses always; loopback and private ones only with `allow_private`;
    link-local (cloud metadata), multicast, unspecified and reserved ones never."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_link_local or address.is_multicast or address.is_unspecified:
        return False
    if address.is_loopback or address.is_private:
        return allow_private
    return address.is_global


async def checked_address(host: str, port: int, *, allow_private: bool) -> str:
    """One address of `host`, after every address it resolves to passed `address_allowed`."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TargetRefused(f"{host} does not resolve: {exc.strerror}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for address in addresses:
        if not address_allowed(address, allow_private=allow_private):
            raise TargetRefused(f"{host} resolves to {address}, which is not a public address")
    if not addresses:
        raise TargetRefused(f"{host} has no address")
    return str(addresses[0])


@dataclass(frozen=True)
class Limits:
    connect_seconds: float = 5.0
    total_seconds: float = 15.0
    max_response_bytes: int = 64 * 1024
    allow_private: bool = False


@dataclass(frozen=True)
class Answer:
    """What an endpoint answered: a status, or why there was none."""

    status: int | None
    error: str | None
    duration_ms: int


def new_client(limits: Limits) -> httpx.AsyncClient:
    """No pooled connections: each delivery connects to the address it just checked."""
    timeout = httpx.Timeout(limits.total_seconds, connect=limits.connect_seconds)
    pool = httpx.Limits(max_keepalive_connections=0)
    return httpx.AsyncClient(timeout=timeout, limits=pool, follow_redirects=False, trust_env=False)


async def post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: bytes, limits: Limits
) -> Answer:
    started = time.monotonic()
    try:
        async with asyncio.timeout(limits.total_seconds):
            status = await _post(client, url, headers, body, limits)
        error = None if status < 300 or status >= 400 else "redirects are not followed"
        return Answer(status, error, _ms(started))
    except TargetRefused as exc:
        return Answer(None, str(exc), _ms(started))
    except TimeoutError:
        return Answer(None, f"no answer within {limits.total_seconds:g} s", _ms(started))
    except httpx.HTTPError as exc:
        return Answer(None, f"{type(exc).__name__}: {exc}"[:500], _ms(started))


async def _post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: bytes, limits: Limits
) -> int:
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = await checked_address(host, port, allow_private=limits.allow_private)
    netloc = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    send_headers = {
        **headers,
        "host": parts.netloc.rsplit("@", 1)[-1],
        "content-type": "application/json",
        "user-agent": "Pakt-Webhooks/1",
    }
    target = parts._replace(netloc=netloc).geturl()
    request = client.build_request(
        "POST", target, content=body, headers=send_headers, extensions=extensions
    )
    response = await client.send(request, stream=True)
    try:
        read = 0
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read >= limits.max_response_bytes:
                break  # the rest is not ours to read: the status is all that counts
    finally:
        await response.aclose()
    return response.status_code


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
