"""Input guards in front of the app: refuse what PostgreSQL would choke on, as a 4xx problem."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.problems import PROBLEM_MEDIA_TYPE, problem_type


class RejectNulMiddleware:
    """PostgreSQL text cannot hold NUL; a NUL in the query or a JSON body gets a 422 problem."""

    def __init__(self, app: ASGIApp, max_body: int = 16 * 1024 * 1024) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            await _reject(scope, send, "NUL characters are not allowed in the URL")
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _reject(
                    scope,
                    send,
                    "The request body is too large",
                    status=413,
                    slug="payload-too-large",
                )
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if b"\x00" in body or b"\\u0000" in body:
            await _reject(scope, send, "NUL characters are not allowed in the request body")
            return
        if _too_wide(scope, body):
            await _reject(
                scope,
                send,
                f"A JSON object in the body has more than {MAX_OBJECT_MEMBERS} members",
                slug="too-many-members",
            )
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


MAX_OBJECT_MEMBERS = 1000  # no request model has near as many fields; a map may not either
_WIDE_CHECK_FROM = 64 * 1024  # smaller bodies cannot hold enough members to cost much


class _TooWide(Exception):
    pass


def _members_at_most(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len(pairs) > MAX_OBJECT_MEMBERS:
        raise _TooWide
    return dict(pairs)


def _too_wide(scope: Scope, body: bytes) -> bool:
    """A large JSON body with an object of very many members (150,000 unknown keys): refused
    before validation, which would build an error for each of them (seconds, hundreds of MiB)."""
    if len(body) < _WIDE_CHECK_FROM:
        return False
    content_type = dict(scope["headers"]).get(b"content-type", b"").split(b";")[0].strip().lower()
    if content_type != b"application/json" and not content_type.endswith(b"+json"):
        return False
    try:
        json.loads(body, object_pairs_hook=_members_at_most)
    except _TooWide:
        return True
    except (ValueError, RecursionError):
        return False  # malformed JSON: the app's own 400 says so
    return False


_TITLES = {"invalid-characters": "Invalid characters", "too-many-members": "Too many members"}


async def _reject(
    scope: Scope, send: Send, detail: str, status: int = 422, slug: str = "invalid-characters"
) -> None:
    body = json.dumps(
        {
            "type": problem_type(slug),
            "title": _TITLES.get(slug, "Payload too large"),
            "status": status,
            "detail": detail,
            "instance": scope["path"],
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
